package shop.catalog.image;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.concurrent.Semaphore;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.jboss.logging.Logger;
import shop.commons.domain.DomainException;
import shop.commons.domain.Invalid;

/**
 * Checks that an upload really is an image of the format its first bytes claim, and makes the web
 * version: scaled down to fit {@code web-max-dimension}, JPEG, or PNG when the image has transparency.
 */
@ApplicationScoped
public class ImageProcessor {
    private static final Logger LOG = Logger.getLogger(ImageProcessor.class);
    /** Decoding is CPU- and memory-heavy; more at once would only queue on two cores and risk the heap. */
    private final Semaphore decoding = new Semaphore(2);

    @Inject
    ImageSettings settings;

    /** The checked image: its real format and size, and the web version's bytes and format. */
    public record Processed(ImageType type, int width, int height, byte[] web, ImageType webType) {
    }

    static {
        // plugins (WebP) are found through the class loader that first touches ImageIO; make it ours
        ImageIO.scanForPlugins();
    }

    public Processed process(byte[] content, ImageType type) {
        reader(type).dispose(); // a missing plugin is the server's fault (500), not a bad upload
        try {
            decoding.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to decode an image", e);
        }
        try {
            return decodeAndScale(content, type);
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException refused) {
                throw refused;
            }
            LOG.debugf(e, "upload is not a readable %s image", type);
            throw new Invalid("The file is not a readable " + type.name() + " image");
        } finally {
            decoding.release();
        }
    }

    private Processed decodeAndScale(byte[] content, ImageType type) throws IOException {
        ImageReader reader = reader(type);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw new Invalid("The image has no pixels");
            }
            // the header alone tells the size: refuse a decompression bomb before decoding it
            if ((long) width * height > settings.maxPixels()) {
                throw new Invalid("The image is " + width + "×" + height + " pixels; at most "
                        + settings.maxPixels() + " pixels are accepted");
            }
            int max = settings.webMaxDimension();
            ImageReadParam param = reader.getDefaultReadParam();
            // decode big images at a fraction of their size (every n-th pixel): larger than the web size but
            // at most twice it, so one decode holds at most (2 × web size)² pixels whatever the upload's size
            // (the devstack heap is 128 MB); the final bilinear step then shrinks by at most half
            int longSide = Math.max(width, height);
            int step = Math.max(1, (longSide + 2 * max - 1) / (2 * max));
            if (step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            BufferedImage image = reader.read(0, param);
            boolean alpha = image.getColorModel().hasAlpha();
            BufferedImage web = scale(image, width, height, max, alpha);
            ImageType webType = alpha ? ImageType.PNG : ImageType.JPEG;
            return new Processed(type, width, height, encode(web, webType), webType);
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader reader(ImageType type) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type.imageIoFormat());
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + type + " on the class path");
        }
        return readers.next();
    }

    /** Fits the original size into max × max (never enlarging), halving step by step for a smooth result. */
    static BufferedImage scale(BufferedImage image, int width, int height, int max, boolean alpha) {
        double factor = Math.min(1.0, Math.min((double) max / width, (double) max / height));
        int targetWidth = Math.max(1, (int) Math.round(width * factor));
        int targetHeight = Math.max(1, (int) Math.round(height * factor));
        int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage current = image;
        do {
            int w = Math.max(targetWidth, current.getWidth() / 2);
            int h = Math.max(targetHeight, current.getHeight() / 2);
            BufferedImage next = new BufferedImage(w, h, type);
            Graphics2D g = next.createGraphics();
            try {
                if (!alpha) {
                    g.setColor(java.awt.Color.WHITE); // a JPEG has no transparency to keep
                    g.fillRect(0, 0, w, h);
                }
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                g.drawImage(current, 0, 0, w, h, null);
            } finally {
                g.dispose();
            }
            current = next;
        } while (current.getWidth() != targetWidth || current.getHeight() != targetHeight);
        return current;
    }

    private byte[] encode(BufferedImage image, ImageType type) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(type.imageIoFormat()).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (type == ImageType.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(settings.webJpegQuality());
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
