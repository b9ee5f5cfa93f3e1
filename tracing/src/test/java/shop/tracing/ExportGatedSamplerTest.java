package shop.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExportGatedSamplerTest {

    @Test
    void withoutAnEndpointNothingIsRecorded() {
        assertEquals(Sampler.alwaysOff(), ExportGatedSampler.choose(List.of(Optional.empty(), Optional.empty()), Optional.empty()));
    }

    @Test
    void quarkusDefaultEndpointCountsAsNone() {
        assertEquals(Sampler.alwaysOff(), ExportGatedSampler.choose(
                List.of(Optional.of(ExportGatedSampler.DEFAULT_ENDPOINT), Optional.of(" ")), Optional.of(1.0)));
    }

    @Test
    void withAnEndpointEveryTraceIsRecordedParentBased() {
        assertEquals(Sampler.parentBased(Sampler.traceIdRatioBased(1.0)).getDescription(), ExportGatedSampler.choose(
                List.of(Optional.empty(), Optional.of("http://collector:4317")), Optional.empty()).getDescription());
    }

    @Test
    void theRatioArgumentSamplesNewTraces() {
        assertEquals(Sampler.parentBased(Sampler.traceIdRatioBased(0.25)).getDescription(), ExportGatedSampler.choose(
                List.of(Optional.of("http://collector:4318"), Optional.empty()), Optional.of(0.25)).getDescription());
    }
}
