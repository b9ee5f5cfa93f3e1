package shop.devstack.demo;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.GeneralPath;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Draws the demo product pictures (nothing is downloaded): a garment silhouette of the product's kind
 * in its colour on a soft background, with the product name underneath.
 */
final class DemoImages {

    enum Shape { DRESS, SHIRT, SWEATER, TROUSERS }

    private static final int WIDTH = 900;
    private static final int HEIGHT = 1200;

    private DemoImages() {
    }

    static byte[] png(Shape shape, Color colour, String caption) {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, new Color(0xF4F1EC), 0, HEIGHT, new Color(0xE2DDD5)));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            GeneralPath outline = outline(shape);
            g.setColor(colour);
            g.fill(outline);
            g.setColor(colour.darker());
            g.setStroke(new BasicStroke(6f));
            g.draw(outline);
            drawCaption(g, caption);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A machine without any font (a bare container) still gets its pictures, only without captions. */
    private static void drawCaption(Graphics2D g, String caption) {
        try {
            g.setColor(new Color(0x333333));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 48));
            int textWidth = g.getFontMetrics().stringWidth(caption);
            g.drawString(caption, Math.max(20, (WIDTH - textWidth) / 2), HEIGHT - 80);
        } catch (RuntimeException | InternalError noFonts) {
            // fontconfig missing: the silhouette alone is enough for a demo picture
        }
    }

    private static GeneralPath outline(Shape shape) {
        GeneralPath p = new GeneralPath();
        switch (shape) {
            case DRESS -> {
                p.moveTo(360, 150); p.lineTo(540, 150); p.lineTo(580, 260); p.lineTo(540, 420);
                p.lineTo(720, 950); p.lineTo(180, 950); p.lineTo(360, 420); p.lineTo(320, 260);
            }
            case SHIRT -> {
                p.moveTo(330, 170); p.lineTo(400, 150); p.lineTo(450, 210); p.lineTo(500, 150); p.lineTo(570, 170);
                p.lineTo(760, 330); p.lineTo(690, 420); p.lineTo(620, 370); p.lineTo(620, 950); p.lineTo(280, 950);
                p.lineTo(280, 370); p.lineTo(210, 420); p.lineTo(140, 330);
            }
            case SWEATER -> {
                p.moveTo(340, 160); p.lineTo(560, 160); p.lineTo(740, 300); p.lineTo(780, 900); p.lineTo(680, 900);
                p.lineTo(640, 420); p.lineTo(640, 950); p.lineTo(260, 950); p.lineTo(260, 420); p.lineTo(220, 900);
                p.lineTo(120, 900); p.lineTo(160, 300);
            }
            case TROUSERS -> {
                p.moveTo(290, 150); p.lineTo(610, 150); p.lineTo(660, 980); p.lineTo(500, 980); p.lineTo(450, 420);
                p.lineTo(400, 980); p.lineTo(240, 980);
            }
        }
        p.closePath();
        return p;
    }
}
