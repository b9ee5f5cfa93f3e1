package shop.gateway.routing;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses {@code shop.services.<key>.url}: one base URL per instance of the service, separated by
 * commas ({@code http://127.0.0.1:8081,http://127.0.0.1:8091}); a single URL is a service with one
 * instance, as it always was. Only scheme, host and port are used.
 */
final class UpstreamUrls {

    /** The balancer remembers the instances a request has tried in the bits of one {@code long}. */
    static final int MAX_INSTANCES = Long.SIZE;

    private UpstreamUrls() {
    }

    static List<URI> parse(String key, String value) {
        List<URI> urls = new ArrayList<>();
        for (String entry : value == null ? new String[0] : value.split(",")) {
            String text = entry.strip();
            if (text.isEmpty()) {
                continue;
            }
            URI url;
            try {
                url = URI.create(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key + ": not a URL: \"" + text + "\"", e);
            }
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
                throw new IllegalArgumentException(key + ": expected http(s)://host:port, not \"" + text + "\"");
            }
            if (urls.contains(url)) {
                throw new IllegalArgumentException(key + ": \"" + text + "\" is listed twice");
            }
            urls.add(url);
        }
        if (urls.isEmpty()) {
            throw new IllegalArgumentException(key + ": no URL");
        }
        if (urls.size() > MAX_INSTANCES) {
            throw new IllegalArgumentException(key + ": more than " + MAX_INSTANCES + " instances");
        }
        return List.copyOf(urls);
    }
}
