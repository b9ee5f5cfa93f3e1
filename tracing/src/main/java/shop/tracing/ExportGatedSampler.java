package shop.tracing;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Which spans are recorded, and so exported (Quarkus uses a CDI {@link Sampler} bean instead of
 * {@code quarkus.otel.traces.sampler}): with an OTLP endpoint configured, parent-based with a ratio of new
 * traces ({@code QUARKUS_OTEL_TRACES_SAMPLER_ARG}, all by default); without one, none. Unrecorded spans
 * still get trace and span ids, which are propagated and printed in every log line, but nothing is
 * collected and the exporter (whose endpoint defaults to localhost:4317) never has anything to send.
 * A client's sampled {@code traceparent} cannot switch recording on either.
 *
 * <p>Every application has it: the services through commons, the gateway directly.
 */
@Singleton
public class ExportGatedSampler implements Sampler {
    /** Quarkus' own default, which it also treats as "not configured". */
    static final String DEFAULT_ENDPOINT = "http://localhost:4317/";
    static final List<String> ENDPOINT_KEYS = List.of("quarkus.otel.exporter.otlp.traces.endpoint",
            "quarkus.otel.exporter.otlp.endpoint");
    static final String RATIO_KEY = "quarkus.otel.traces.sampler.arg";

    private final Sampler delegate;

    public ExportGatedSampler(Config config) {
        this.delegate = choose(ENDPOINT_KEYS.stream().map(key -> config.getOptionalValue(key, String.class)).toList(),
                config.getOptionalValue(RATIO_KEY, Double.class));
    }

    static Sampler choose(List<Optional<String>> endpoints, Optional<Double> ratio) {
        return exporting(endpoints) ? Sampler.parentBased(Sampler.traceIdRatioBased(ratio.orElse(1.0))) : Sampler.alwaysOff();
    }

    /** An OTLP endpoint is configured: spans may be recorded. */
    public static boolean exporting(Config config) {
        return exporting(ENDPOINT_KEYS.stream().map(key -> config.getOptionalValue(key, String.class)).toList());
    }

    static boolean exporting(List<Optional<String>> endpoints) {
        return endpoints.stream().flatMap(Optional::stream)
                .anyMatch(endpoint -> !endpoint.isBlank() && !DEFAULT_ENDPOINT.equals(endpoint.trim()));
    }

    @Override
    public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
            Attributes attributes, List<LinkData> parentLinks) {
        return delegate.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
    }

    @Override
    public String getDescription() {
        return "ExportGated{" + delegate.getDescription() + "}";
    }
}
