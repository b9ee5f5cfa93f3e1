package shop.catalog.image;

import java.util.Optional;

/** The accepted formats, recognised by their first bytes (never by the file name or the declared type). */
enum ImageType {
    JPEG("image/jpeg", "jpg", "jpeg"),
    PNG("image/png", "png", "png"),
    WEBP("image/webp", "webp", "webp");

    private final String mediaType;
    private final String extension;
    private final String imageIoFormat;

    ImageType(String mediaType, String extension, String imageIoFormat) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.imageIoFormat = imageIoFormat;
    }

    String mediaType() {
        return mediaType;
    }

    String extension() {
        return extension;
    }

    String imageIoFormat() {
        return imageIoFormat;
    }

    /** At least 12 bytes are needed to tell WebP from other RIFF files (WAV, AVI). */
    static Optional<ImageType> detect(byte[] head, int length) {
        if (length >= 3 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8 && (head[2] & 0xff) == 0xFF) {
            return Optional.of(JPEG);
        }
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        if (length >= png.length && startsWith(head, 0, png)) {
            return Optional.of(PNG);
        }
        if (length >= 12 && startsWith(head, 0, new byte[] {'R', 'I', 'F', 'F'})
                && startsWith(head, 8, new byte[] {'W', 'E', 'B', 'P'})) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    static Optional<ImageType> byMediaType(String mediaType) {
        for (ImageType type : values()) {
            if (type.mediaType.equals(mediaType)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    static Optional<ImageType> byKey(String key) {
        for (ImageType type : values()) {
            if (key.endsWith("." + type.extension)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (data[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
