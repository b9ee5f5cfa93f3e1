package shop.customers.imports;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import shop.contracts.EventEnvelope;
import shop.contracts.EventJson;
import shop.contracts.Topics;
import shop.contracts.customers.CustomerChanged;
import shop.devstack.testing.KafkaResource;
import shop.devstack.testing.TestTokens;
import shop.devstack.testing.TopicWatcher;

/** Starting and watching import jobs through the API, shared by the import tests. */
final class ImportApi {
    private static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

    private ImportApi() {
    }

    static String staff() {
        return TestTokens.issue("1", "manager");
    }

    /** A phone no other test uses, as a legacy system would have typed it ("8 (926) 123-45-67"). */
    static String phone() {
        String digits = String.format("%07d", SEQ.incrementAndGet() % 10_000_000);
        return "8 (926) " + digits.substring(0, 3) + "-" + digits.substring(3, 5) + "-" + digits.substring(5);
    }

    static String normalised(String phone) {
        return "+7" + phone.replaceAll("\\D", "").substring(1);
    }

    static String unique(String prefix) {
        return prefix + SEQ.incrementAndGet();
    }

    /** Uploads a CSV and returns the job's location. */
    static String startCsv(String csv) {
        return given().auth().oauth2(staff()).contentType("text/csv; charset=UTF-8").body(csv)
                .when().post("/api/customers/imports")
                .then().statusCode(202).extract().header("Location");
    }

    static String startJdbc() {
        return given().auth().oauth2(staff()).contentType(ContentType.JSON).body("{\"source\":\"jdbc\"}")
                .when().post("/api/customers/imports")
                .then().statusCode(202).extract().header("Location");
    }

    static JsonPath job(String location) {
        return given().auth().oauth2(staff()).when().get(location).then().statusCode(200).extract().jsonPath();
    }

    /** The job once it has finished (succeeded, failed or cancelled). */
    static JsonPath finished(String location) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> Set.of("succeeded", "failed", "cancelled").contains(job(location).getString("status")));
        return job(location);
    }

    /** The first CustomerRegistered event for this phone (normalised). */
    static CustomerChanged registeredWithPhone(String normalisedPhone) {
        String record = TopicWatcher.awaitRecord(KafkaResource.bootstrapServers(), Topics.CUSTOMERS_EVENTS,
                (key, value) -> value.contains("\"" + normalisedPhone + "\"")
                        && EventJson.read(value).type().equals(CustomerChanged.REGISTERED),
                Duration.ofSeconds(30));
        return EventJson.payload(EventJson.read(record), CustomerChanged.class);
    }

    /** Every event of one customer, in order, up to and including the first CustomerUpdated. */
    static List<EventEnvelope> eventsUntilFirstUpdate(long customerId) {
        List<EventEnvelope> seen = new ArrayList<>();
        TopicWatcher.awaitRecord(KafkaResource.bootstrapServers(), Topics.CUSTOMERS_EVENTS, (key, value) -> {
            if (!key.equals(String.valueOf(customerId))) {
                return false;
            }
            EventEnvelope event = EventJson.read(value);
            seen.add(event);
            return event.type().equals(CustomerChanged.UPDATED);
        }, Duration.ofSeconds(30));
        return seen;
    }
}
