package shop.catalog.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Format detection and the test's own WebP writer, without the application. */
class ImageProcessingTest {

    @Test
    void formatsAreRecognisedByTheirFirstBytes() {
        assertEquals(Optional.of(ImageType.JPEG), detect(TestImages.jpeg(4, 4)));
        assertEquals(Optional.of(ImageType.PNG), detect(TestImages.png(4, 4)));
        assertEquals(Optional.of(ImageType.WEBP), detect(TestImages.webp(4, 4, 10, 20)));
        assertEquals(Optional.empty(), detect(TestImages.gif(4, 4)));
        assertEquals(Optional.empty(), detect("RIFF0000WAVEfmt ".getBytes()));
        assertEquals(Optional.empty(), detect("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes()));
        assertEquals(Optional.empty(), detect(new byte[] {(byte) 0xFF, (byte) 0xD8}));
    }

    @Test
    void theGeneratedWebpDecodesToItsTwoHalves() {
        javax.imageio.ImageIO.scanForPlugins();
        BufferedImage image = TestImages.decode(TestImages.webp(30, 10, 100, 180));
        assertEquals(30, image.getWidth());
        assertEquals(10, image.getHeight());
        assertEquals(0xff28643c, image.getRGB(0, 0));
        assertEquals(0xff28b43c, image.getRGB(29, 9));
        assertTrue(image.getRGB(14, 5) != image.getRGB(15, 5));
    }

    private static Optional<ImageType> detect(byte[] bytes) {
        return ImageType.detect(bytes, bytes.length);
    }
}
