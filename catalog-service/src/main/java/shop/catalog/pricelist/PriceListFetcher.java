package shop.catalog.pricelist;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import shop.commons.domain.Invalid;
import shop.commons.domain.Unavailable;

/**
 * Fetches a price list from an http(s) URL the client gave, for an import exactly like an upload. Every
 * limit is the platform's, not the remote server's: only {@code http} and {@code https}, no credentials in
 * the URL; the host and every redirect target must resolve to public addresses only ({@link AddressGuard}),
 * checked before each connection (redirects are followed by hand, at most
 * {@code shop.price-lists.fetch.max-redirects}); the answer's type must be one an upload accepts; at most
 * {@code shop.price-lists.max-bytes} (a larger {@code Content-Length} is refused before reading, a body that
 * grows past it is cut off); a connect timeout and one deadline for the whole fetch, redirects and body
 * included. No proxy is used: the address checked is the address connected to.
 *
 * <p>Everything that goes wrong is the URL's problem, told to the client as a 400 naming {@code url}.
 */
@ApplicationScoped
public class PriceListFetcher {
    /** What the upload accepts as a body ({@code PriceListResource}); {@code charset}, if given, must be UTF-8. */
    static final Set<String> TYPES = Set.of("application/yaml", "application/x-yaml", "text/yaml", "text/plain");
    private static final int MAX_URL_LENGTH = 2000;

    @Inject
    AddressGuard guard;

    @ConfigProperty(name = "shop.price-lists.max-bytes", defaultValue = "8388608")
    int maxBytes;

    @ConfigProperty(name = "shop.price-lists.fetch.connect-timeout", defaultValue = "PT5S")
    Duration connectTimeout;

    /** The whole fetch: every redirect and the body. Below the gateway's 30 s, which the answer must beat. */
    @ConfigProperty(name = "shop.price-lists.fetch.timeout", defaultValue = "PT20S")
    Duration timeout;

    @ConfigProperty(name = "shop.price-lists.fetch.max-redirects", defaultValue = "3")
    int maxRedirects;

    private volatile HttpClient client;

    /** The checked URL of a client's text (400 naming {@code url} when it is no absolute http(s) URL). */
    static URI parse(String text) {
        if (text == null || text.isBlank()) {
            throw Invalid.field("url", "is required");
        }
        if (text.length() > MAX_URL_LENGTH) {
            throw Invalid.field("url", "must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw Invalid.field("url", "must be an http or https URL");
        }
        return checked(uri);
    }

    private static URI checked(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw Invalid.field("url", "must be an http or https URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            // a password in a URL ends up in logs and in the job's report
            throw Invalid.field("url", "must not carry a user name or password");
        }
        return uri;
    }

    /** The body of the list at {@code url}, after following at most {@code max-redirects} redirects. */
    public byte[] fetch(URI url) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI current = checked(url);
        for (int redirects = 0; ; redirects++) {
            guard.resolve(current.getHost());
            HttpResponse<byte[]> response = send(current, deadline);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                Optional<String> location = response.headers().firstValue("Location");
                if (location.isEmpty()) {
                    throw Invalid.field("url", "the server answered HTTP " + status + " without a Location");
                }
                if (redirects >= maxRedirects) {
                    throw Invalid.field("url", "the server redirected more than " + maxRedirects + " times");
                }
                try {
                    current = checked(current.resolve(new URI(location.get().trim())));
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw Invalid.field("url", "the server redirected to an address that is no URL");
                } catch (Invalid e) {
                    throw Invalid.field("url", "the server redirected to an address that is not allowed: "
                            + e.fields().get(0).message());
                }
                continue;
            }
            if (status != 200) {
                throw Invalid.field("url", "the server answered HTTP " + status);
            }
            requireType(response.headers().firstValue("Content-Type").orElse(null));
            if (response.body() == null) { // the handler refused it before reading: see Body
                throw Invalid.field("url", "the price list is larger than " + maxBytes + " bytes");
            }
            return response.body();
        }
    }

    /** The answer's media type must be one an upload takes; a charset other than UTF-8 is refused. */
    static void requireType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw Invalid.field("url", "the server named no content type; it must be one of " + String.join(", ", List.copyOf(new java.util.TreeSet<>(TYPES))));
        }
        String[] parts = contentType.split(";");
        String type = parts[0].trim().toLowerCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw Invalid.field("url", "the server answered " + type + "; a price list must be one of "
                    + String.join(", ", List.copyOf(new java.util.TreeSet<>(TYPES))));
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].trim().split("=", 2);
            if (parameter.length == 2 && parameter[0].trim().equalsIgnoreCase("charset")) {
                String charset = parameter[1].trim().replace("\"", "");
                if (!charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
                    throw Invalid.field("url", "the price list must be UTF-8 text, the server sent " + charset);
                }
            }
        }
    }

    private HttpResponse<byte[]> send(URI uri, long deadline) {
        Duration left = Duration.ofNanos(deadline - System.nanoTime());
        if (left.isNegative() || left.isZero()) {
            throw tooSlow();
        }
        HttpRequest request = HttpRequest.newBuilder(uri).GET().timeout(left)
                .header("Accept", "application/yaml, application/x-yaml, text/yaml, text/plain;q=0.9")
                .build();
        CompletableFuture<HttpResponse<byte[]>> answer = client().sendAsync(request, this::body);
        try {
            return answer.get(left.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw tooSlow();
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new Unavailable("The service is stopping; try again");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof Invalid invalid) {
                throw invalid;
            }
            if (cause instanceof java.net.http.HttpTimeoutException) {
                throw tooSlow();
            }
            if (cause instanceof java.net.ConnectException) {
                throw Invalid.field("url", "the server at " + uri.getHost() + " could not be reached");
            }
            if (cause instanceof javax.net.ssl.SSLException) {
                throw Invalid.field("url", "no secure connection to " + uri.getHost() + " (TLS: " + cause.getMessage() + ")");
            }
            if (cause instanceof IOException) {
                throw Invalid.field("url", "the price list could not be fetched (" + cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")");
            }
            throw new IllegalStateException("fetching a price list failed", cause);
        }
    }

    private Invalid tooSlow() {
        return Invalid.field("url", "the price list was not fetched within " + timeout.toSeconds() + " s");
    }

    /**
     * Reads the body only of a 200 answer of an accepted type that does not announce more than the limit;
     * any other answer's body is dropped unread ({@code null}), its status and headers are enough.
     */
    private HttpResponse.BodySubscriber<byte[]> body(HttpResponse.ResponseInfo info) {
        OptionalLong length = info.headers().firstValueAsLong("Content-Length");
        if (info.statusCode() != 200 || (length.isPresent() && length.getAsLong() > maxBytes)) {
            return HttpResponse.BodySubscribers.replacing(null);
        }
        try {
            requireType(info.headers().firstValue("Content-Type").orElse(null));
        } catch (Invalid wrongType) {
            return HttpResponse.BodySubscribers.replacing(null);
        }
        return new LimitedBody(maxBytes);
    }

    private HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                    .followRedirects(HttpClient.Redirect.NEVER) // each target is checked here first
                    .proxy(HttpClient.Builder.NO_PROXY)
                    .build();
        }
        return client;
    }

    /** Collects at most {@code max} bytes; one more and the exchange is cancelled with a 400. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int max;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        private Flow.Subscription subscription;

        LimitedBody(int max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + buffer.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(Invalid.field("url", "the price list is larger than " + max + " bytes"));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable failure) {
            result.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
