package shop.analytics.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Request times reach PostgreSQL as numbers (whole seconds and microseconds), no longer as text: each
 * is stored as exactly the time PostgreSQL reads from the instant's text, at the edges of the years
 * reports accept, before the epoch and where the nanoseconds round (half to even, as PostgreSQL does).
 */
@QuarkusTest
class RequestTimesTest {
    @Inject
    AnalyticsFacts facts;

    @Inject
    EntityManager em;

    @Test
    void aRequestIsStoredAtTheTimeItsTextMeans() {
        List<Instant> times = List.of(
                Instant.parse("2018-08-01T00:01:35Z"),
                Instant.parse("0001-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999Z"),
                Instant.parse("1969-12-31T23:59:59.999999Z"),
                Instant.parse("1965-03-04T05:06:07.123456500Z"), // half a microsecond: to even (…456)
                Instant.parse("2026-12-05T10:00:00.000001500Z"), // half: to even (…002)
                Instant.parse("2026-12-05T10:00:00.999999700Z")); // rounds up into the next second
        String run = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> {
            AnalyticsFacts.Batch batch = AnalyticsFacts.Batch.empty();
            for (int i = 0; i < times.size(); i++) {
                batch.requests().add(new AnalyticsFacts.RequestFact(run + "-" + i, times.get(i), null,
                        AnalyticsFacts.OTHER, null, null));
            }
            assertEquals(times.size(), facts.record(Source.LIVE, batch));
        });
        for (int i = 0; i < times.size(); i++) {
            String key = run + "-" + i;
            Instant time = times.get(i);
            Object same = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                            select occurred_at = cast(:text as timestamptz) from analytics_request
                            where source = 'live' and event_key = :key""")
                    .setParameter("text", time.toString()).setParameter("key", key).getSingleResult());
            assertEquals(Boolean.TRUE, same, time.toString());
        }
    }
}
