package shop.analytics.logs;

import static shop.analytics.report.AnalyticsFacts.CART;
import static shop.analytics.report.AnalyticsFacts.CATEGORY;
import static shop.analytics.report.AnalyticsFacts.GOODS;
import static shop.analytics.report.AnalyticsFacts.HOME;
import static shop.analytics.report.AnalyticsFacts.OTHER;
import static shop.analytics.report.AnalyticsFacts.PAID;
import static shop.analytics.report.AnalyticsFacts.PAY;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses seed 001 log lines. A line that cannot be a request (wrong shape, impossible date, bad address,
 * a cart or pay line without its numbers) is a {@link BadLineException} with the reason; a well-formed
 * line with a URL the shop does not know is a request of kind "other". Times carry no zone in the log
 * and are taken as UTC.
 */
final class LogLineParser {
    private static final Pattern LINE = Pattern.compile(
            "^\\S+\\s*\\|\\s*(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})\\s+\\[([^\\]\\s]{1,64})]\\s+[A-Z]+:\\s+(\\S+)\\s+(\\S+)\\s*$");
    private static final Pattern URL = Pattern.compile("^https?://[^/?#\\s]+(/[^#]*)?(#.*)?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern IPV4 = Pattern.compile(
            "^((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)$");
    private static final Pattern IPV6_CHARS = Pattern.compile("^[0-9a-fA-F:.]{2,45}$");
    private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9_\\-]+");
    private static final Pattern SUCCESS = Pattern.compile("^success_pay_(\\d{1,18})/?$");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,18}");

    static final class BadLineException extends Exception {
        BadLineException(String reason) {
            super(reason, null, false, false);
        }
    }

    private LogLineParser() {
    }

    static LogLine parse(long number, String text) throws BadLineException {
        if (text.isBlank()) {
            throw new BadLineException("empty line");
        }
        Matcher m = LINE.matcher(text);
        if (!m.matches()) {
            throw new BadLineException(
                    "not a log line: expected \"<service> | yyyy-MM-dd HH:mm:ss [request id] INFO: <client address> <url>\"");
        }
        java.time.Instant time = time(text, m.start(1), m.group(1));
        String ip = address(m.group(3));
        Matcher url = URL.matcher(m.group(4));
        if (!url.matches()) {
            throw new BadLineException("not an http(s) URL: \"" + abbreviate(m.group(4)) + "\"");
        }
        String rest = url.group(1) == null ? "" : url.group(1).substring(1);
        int q = rest.indexOf('?');
        String path = q < 0 ? rest : rest.substring(0, q);
        String query = q < 0 ? "" : rest.substring(q + 1);
        String requestId = m.group(2);

        if (path.isEmpty()) {
            return line(number, requestId, time, ip, HOME, null, null);
        }
        Matcher success = SUCCESS.matcher(path);
        if (success.matches()) {
            return new LogLine(number, requestId, time, ip, PAID, null, null, null, null, success.group(1), null);
        }
        if (path.equals("cart") || path.equals("cart/")) {
            Map<String, String> params = params(query);
            String goods = number(params, "goods_id", "cart");
            String amount = number(params, "amount", "cart");
            String cart = number(params, "cart_id", "cart");
            int quantity;
            try {
                quantity = Integer.parseInt(amount);
            } catch (NumberFormatException e) {
                throw new BadLineException("cart line: amount " + amount + " is too large");
            }
            return new LogLine(number, requestId, time, ip, CART, null, null, goods, quantity, cart, null);
        }
        if (path.equals("pay") || path.equals("pay/")) {
            Map<String, String> params = params(query);
            String user = number(params, "user_id", "pay");
            String cart = number(params, "cart_id", "pay");
            return new LogLine(number, requestId, time, ip, PAY, null, null, null, null, cart, user);
        }
        String[] parts = (path.endsWith("/") ? path.substring(0, path.length() - 1) : path).split("/", -1);
        if (parts.length == 1 && SLUG.matcher(parts[0]).matches()) {
            return line(number, requestId, time, ip, CATEGORY, parts[0], null);
        }
        if (parts.length == 2 && SLUG.matcher(parts[0]).matches() && SLUG.matcher(parts[1]).matches()) {
            return line(number, requestId, time, ip, GOODS, parts[0], parts[1]);
        }
        return line(number, requestId, time, ip, OTHER, null, null);
    }

    /**
     * The time of {@code yyyy-MM-dd HH:mm:ss} at {@code at} (the line regex checked the digits), UTC.
     * Read field by field: a formatter's parse cost more than the rest of the line; an impossible date
     * (2018-02-30, 25:00) is refused the same way.
     */
    private static java.time.Instant time(String text, int at, String shown) throws BadLineException {
        try {
            return LocalDateTime.of(digits(text, at, 4), digits(text, at + 5, 2), digits(text, at + 8, 2),
                    digits(text, at + 11, 2), digits(text, at + 14, 2), digits(text, at + 17, 2)).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new BadLineException("bad date \"" + shown + "\"");
        }
    }

    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    private static LogLine line(long number, String requestId, java.time.Instant time, String ip, String kind,
                                String category, String goods) {
        return new LogLine(number, requestId, time, ip, kind, category, goods, null, null, null, null);
    }

    /** The address in canonical text, IPv4 or IPv6, never looked up in DNS. */
    static String address(String text) throws BadLineException {
        if (IPV4.matcher(text).matches()) {
            return text;
        }
        if (text.indexOf(':') >= 0 && IPV6_CHARS.matcher(text).matches()) {
            try {
                // brackets make the JDK parse a literal and refuse anything else without a DNS lookup
                return InetAddress.getByName("[" + text + "]").getHostAddress();
            } catch (UnknownHostException e) {
                // fall through
            }
        }
        throw new BadLineException("bad client address \"" + abbreviate(text) + "\"");
    }

    private static Map<String, String> params(String query) {
        Map<String, String> params = new HashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.putIfAbsent(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return params;
    }

    private static String number(Map<String, String> params, String name, String what) throws BadLineException {
        String value = params.get(name);
        if (value == null || !NUMBER.matcher(value).matches()) {
            throw new BadLineException(what + " line: " + name + " must be a whole number, not "
                    + (value == null ? "missing" : "\"" + abbreviate(value) + "\""));
        }
        return value;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
