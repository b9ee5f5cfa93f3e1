package shop.catalog.image;

import java.util.UUID;
import java.util.regex.Pattern;

/** Storage keys: a random UUID and the format's extension; the web version adds ".web". */
final class ImageKeys {
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(\\.web)?\\.(jpg|png|webp)");

    private ImageKeys() {
    }

    static String original(UUID id, ImageType type) {
        return id + "." + type.extension();
    }

    static String web(UUID id, ImageType type) {
        return id + ".web." + type.extension();
    }

    /** Whether a key has the shape this class generates: no separators, no dots but the extension's. */
    static boolean valid(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    static String require(String key) {
        if (!valid(key)) {
            throw new IllegalArgumentException("not an image storage key: " + key);
        }
        return key;
    }
}
