package shop.commons.input;

/**
 * The NUL character (U+0000) is valid in JSON and in URLs ({@code %00}) but PostgreSQL refuses it in
 * text, so a value carrying one would fail deep in a transaction (a 500). Every service refuses it at
 * the edge instead: {@link NulCharacterFilter} for path, query and headers, {@link StrictJson} for
 * JSON bodies.
 */
public final class NulCharacters {

    /** The message every refusal carries, in the problem's {@code errors[].message}. */
    public static final String MESSAGE = "text must not contain the NUL character";

    private NulCharacters() {
    }

    public static boolean in(CharSequence text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\0') {
                return true;
            }
        }
        return false;
    }
}
