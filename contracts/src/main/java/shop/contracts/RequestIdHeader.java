package shop.contracts;

/**
 * The {@code X-Request-Id} header that follows a request through the gateway and the services: the gateway
 * keeps a client's id when it is sane and otherwise sets its own; a service logs and reports only a sane one.
 * Both sides check it here, so they agree on what a request id may be.
 */
public final class RequestIdHeader {

    public static final String NAME = "X-Request-Id";

    private static final int MAX_LENGTH = 64;

    private RequestIdHeader() {
    }

    /**
     * {@code [A-Za-z0-9._:-]{1,64}}: nothing that could split a header or forge a log line. Checked without a
     * regex because it runs for every request.
     */
    public static boolean isSane(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == ':' || c == '-';
            if (!plain) {
                return false;
            }
        }
        return true;
    }
}
