package shop.catalog.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Images made in the test: two-coloured (left half / right half), so decoding can be checked by pixel. */
final class TestImages {
    static final Color LEFT = new Color(200, 30, 30);
    static final Color RIGHT = new Color(30, 30, 200);

    private TestImages() {
    }

    static byte[] jpeg(int width, int height) {
        return encode(halves(width, height, BufferedImage.TYPE_INT_RGB, LEFT, RIGHT), "jpg");
    }

    /** Left half opaque, right half fully transparent. */
    static byte[] transparentPng(int width, int height) {
        return encode(halves(width, height, BufferedImage.TYPE_INT_ARGB, LEFT, new Color(0, 0, 0, 0)), "png");
    }

    static byte[] png(int width, int height) {
        return encode(halves(width, height, BufferedImage.TYPE_INT_RGB, LEFT, RIGHT), "png");
    }

    static byte[] gif(int width, int height) {
        return encode(halves(width, height, BufferedImage.TYPE_INT_RGB, LEFT, RIGHT), "gif");
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new IllegalArgumentException("not an image ImageIO reads");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A lossless WebP (VP8L) whose left half has green value {@code leftGreen} and right half
     * {@code rightGreen} (red 40, blue 60, opaque), written bit by bit after the WebP specification
     * (RFC 9649): no transforms, no colour cache, and "simple" prefix codes: one symbol for red,
     * blue, alpha and distance (zero bits each) and two for green (one bit per pixel).
     */
    static byte[] webp(int width, int height, int leftGreen, int rightGreen) {
        if (leftGreen >= rightGreen) {
            throw new IllegalArgumentException("the smaller symbol gets code 0: leftGreen must be < rightGreen");
        }
        Bits bits = new Bits();
        bits.write(0x2f, 8); // VP8L signature
        bits.write(width - 1, 14);
        bits.write(height - 1, 14);
        bits.write(0, 1); // alpha_is_used (a hint)
        bits.write(0, 3); // version
        bits.write(0, 1); // no transform
        bits.write(0, 1); // no colour cache
        bits.write(0, 1); // no meta prefix codes
        simpleCode(bits, leftGreen, rightGreen); // green
        simpleCode(bits, 40); // red
        simpleCode(bits, 60); // blue
        simpleCode(bits, 255); // alpha
        bits.write(1, 1); // distance: simple code, one symbol (0) in one bit
        bits.write(0, 1);
        bits.write(0, 1);
        bits.write(0, 1);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                bits.write(x < width / 2 ? 0 : 1, 1);
            }
        }
        byte[] vp8l = bits.toBytes();
        int padded = vp8l.length + (vp8l.length % 2);
        ByteBuffer out = ByteBuffer.allocate(20 + padded).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(12 + padded)
                .put("WEBP".getBytes(StandardCharsets.US_ASCII))
                .put("VP8L".getBytes(StandardCharsets.US_ASCII)).putInt(vp8l.length).put(vp8l);
        return out.array();
    }

    /**
     * The start of a valid PNG (signature and a correct IHDR chunk) claiming {@code width × height}
     * pixels, followed by a little pixel data: a small file that would decode to a huge image.
     */
    static byte[] pngClaiming(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer out = ByteBuffer.allocate(8 + 4 + 17 + 4 + 100);
        out.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        out.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
        return out.array();
    }

    private static void simpleCode(Bits bits, int symbol) {
        bits.write(1, 1); // simple
        bits.write(0, 1); // one symbol
        bits.write(1, 1); // 8 bits
        bits.write(symbol, 8);
    }

    private static void simpleCode(Bits bits, int first, int second) {
        bits.write(1, 1);
        bits.write(1, 1); // two symbols
        bits.write(1, 1);
        bits.write(first, 8);
        bits.write(second, 8);
    }

    private static BufferedImage halves(int width, int height, int type, Color left, Color right) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setComposite(java.awt.AlphaComposite.Src);
        g.setColor(left);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(right);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Least significant bit first, as VP8L reads them. */
    private static final class Bits {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int current;
        private int used;

        void write(int value, int count) {
            for (int i = 0; i < count; i++) {
                current |= ((value >>> i) & 1) << used;
                if (++used == 8) {
                    out.write(current);
                    current = 0;
                    used = 0;
                }
            }
        }

        byte[] toBytes() {
            if (used > 0) {
                out.write(current);
                current = 0;
                used = 0;
            }
            return out.toByteArray();
        }
    }
}
