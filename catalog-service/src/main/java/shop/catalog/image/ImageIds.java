package shop.catalog.image;

import shop.commons.domain.NotFound;

/** Path parameters are only ever database ids: anything but a plain number is answered 404 right away. */
final class ImageIds {
    private ImageIds() {
    }

    static long parse(String raw, String what) {
        if (raw == null || raw.isEmpty() || raw.length() > 18 || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new NotFound("There is no " + what + " with this id");
        }
        return Long.parseLong(raw);
    }
}
