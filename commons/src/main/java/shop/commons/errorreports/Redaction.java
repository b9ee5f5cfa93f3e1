package shop.commons.errorreports;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes out of a text what must not leave the service in an error report: credentials and query strings
 * of URLs, bearer and JSON web tokens, {@code password=...}-like pairs, e-mail addresses, UUIDs (cart and
 * order tokens are UUIDs), the values PostgreSQL quotes in a constraint's detail, long digit runs (cards,
 * phones) and long random-looking strings (keys); then cuts it to a length. Plain Java ({@code RedactionTest}).
 * Better too much than too little: the report only has to say what failed and where.
 */
public final class Redaction {
    static final String REDACTED = "<redacted>";

    private static final Pattern URL_USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/\\s@?#]+@");
    private static final Pattern QUERY = Pattern.compile("\\?[^\\s\"'<>]+");
    private static final Pattern JWT = Pattern.compile("\\beyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]*)?");
    private static final Pattern AUTH_SCHEME = Pattern.compile("(?i)\\b(bearer|basic|token)\\s+[A-Za-z0-9._~+/=-]{8,}");
    private static final Pattern SECRET_PAIR = Pattern.compile(
            "(?i)(\"?\\b[a-z_.-]*(password|passwd|pwd|secret|token|api[_-]?key|authorization|cookie|credentials?|private[_-]?key)"
                    + "\"?\\s*[=:]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s,;&)}\\]]+)");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern UUID = Pattern.compile("\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
    private static final Pattern KEY_VALUES = Pattern.compile("(?i)(\\bKey \\([^)]*\\)=\\()[^)]*\\)");
    private static final Pattern PHONE = Pattern.compile("\\+\\d[\\d\\s()-]{8,}\\d");
    private static final Pattern LONG_NUMBER = Pattern.compile("\\b\\d{11,}\\b");
    /** A bot token ({@code 123456:AA...}) or a key: long, no dots, letters and digits mixed. */
    private static final Pattern LONG_SECRET = Pattern.compile("[A-Za-z0-9_\\-+]{24,}={0,2}");

    private Redaction() {
    }

    /** The text without secrets, personal data or request values, on one line, at most {@code max} characters. */
    public static String redact(String text, int max) {
        if (text == null) {
            return null;
        }
        String s = text;
        s = URL_USER_INFO.matcher(s).replaceAll("$1" + REDACTED + "@");
        s = QUERY.matcher(s).replaceAll("?" + REDACTED);
        s = JWT.matcher(s).replaceAll(REDACTED);
        s = AUTH_SCHEME.matcher(s).replaceAll("$1 " + REDACTED);
        s = SECRET_PAIR.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + REDACTED));
        s = EMAIL.matcher(s).replaceAll(REDACTED);
        s = UUID.matcher(s).replaceAll(REDACTED);
        s = KEY_VALUES.matcher(s).replaceAll("$1" + REDACTED + ")");
        s = PHONE.matcher(s).replaceAll(REDACTED);
        s = LONG_NUMBER.matcher(s).replaceAll(REDACTED);
        s = replace(LONG_SECRET, s, token -> token.chars().anyMatch(Character::isDigit)
                && token.chars().anyMatch(Character::isLetter) ? REDACTED : token);
        s = s.replaceAll("\\s*[\\r\\n]+\\s*", " / ").strip();
        return s.length() <= max ? s : s.substring(0, Math.max(0, max - 1)) + "…";
    }

    private static String replace(Pattern pattern, String text, Function<String, String> replacement) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(matcher.group())));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
