package shop.customers.contact;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import shop.customers.common.RegisteredCustomers;
import shop.devstack.infra.ReceivedMail;
import shop.devstack.testing.LogCapture;
import shop.devstack.testing.MailResource;
import shop.devstack.testing.TelegramStandIn;
import shop.devstack.testing.TestTokens;

/**
 * Runs against {@link TelegramStandIn} (bot token and chat configured) and the real test SMTP server;
 * staff are mailed at the two addresses of the test profile's {@code shop.contact-forms.notify}.
 */
@QuarkusTest
class ContactFormResourceTest {
    private static final String PATH = "/api/contact-forms";
    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000_000L);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static String uniqueName() {
        return "Visitor " + SEQ.incrementAndGet();
    }

    private static ExtractableResponse<Response> submit(String body) {
        return given().contentType(ContentType.JSON).body(body).post(PATH).then().extract();
    }

    /** What the Telegram stand-in received whose body mentions {@code marker}. */
    private static Optional<TelegramStandIn.Request> telegramRequestMentioning(String marker) {
        return TelegramStandIn.receivedMentioning(marker).stream().findFirst();
    }

    @Test
    void anyoneMayWriteAndTheMessageIsStoredForStaff() {
        String name = uniqueName();
        ExtractableResponse<Response> created = submit("""
                {"customerName":"  %s ","phone":"8 (916) 123-45-67","text":"Do you ship to Kazan?","email":"v@example.com"}"""
                .formatted(name));
        assertEquals(201, created.statusCode(), created.asString());
        long id = ((Number) created.path("id")).longValue();
        assertTrue(created.header("Location").endsWith(PATH + "/" + id));
        assertEquals(name, created.path("customerName"));
        assertEquals("+79161234567", created.path("phone"));

        given().auth().oauth2(RegisteredCustomers.staffToken()).get(PATH).then().statusCode(200)
                .body("total", greaterThanOrEqualTo(1))
                .body("items[0].id", equalTo((int) id))
                .body("items[0].customerName", equalTo(name))
                .body("items[0].text", equalTo("Do you ship to Kazan?"))
                .body("items[0].email", equalTo("v@example.com"));
    }

    @Test
    void onlyStaffListTheMessagesAndThePagesAreLimited() {
        for (int i = 0; i < 3; i++) {
            submit("{\"customerName\":\"%s\",\"phone\":\"+7 916 000 00 0%d\"}".formatted(uniqueName(), i));
        }
        String admin = TestTokens.issue("3", "admin");
        int total = given().auth().oauth2(admin).get(PATH).then().statusCode(200)
                .body("total", greaterThanOrEqualTo(3)).extract().path("total");
        given().auth().oauth2(admin).queryParam("limit", 2).queryParam("offset", 1).get(PATH).then().statusCode(200)
                .body("items", hasSize(2)).body("total", equalTo(total));
        given().auth().oauth2(admin).queryParam("limit", 1000).get(PATH).then().statusCode(400)
                .body("errors.field", contains("limit"));
        given().auth().oauth2(TestTokens.issue("5", "customer")).get(PATH).then().statusCode(403);
        given().auth().oauth2(TestTokens.issue("6", "bot")).get(PATH).then().statusCode(403);
        given().get(PATH).then().statusCode(401);
    }

    @Test
    void staffAreMailedAtEveryConfiguredAddress() {
        String name = uniqueName();
        long id = ((Number) submit("""
                {"customerName":"%s","phone":"+7 (903) 765-43-21","text":"Please call me back"}""".formatted(name))
                .path("id")).longValue();
        for (String recipient : List.of("office@shop.test", "owner@shop.test")) {
            ReceivedMail mail = MailResource.awaitMessage(
                    m -> m.to().equalsIgnoreCase(recipient) && m.subject().contains(name), WAIT);
            assertEquals("Contact form #" + id + ": " + name, mail.subject());
            assertTrue(mail.body().contains("Phone: +79037654321"), mail.body());
            assertTrue(mail.body().contains("Please call me back"), mail.body());
        }
    }

    @Test
    void theStaffChatGetsExactlyThisTelegramMessage() throws Exception {
        String name = uniqueName();
        long id = ((Number) submit("""
                {"customerName":"%s","phone":"79161112233","text":"Size *M* <b>please</b>","email":"t@example.com"}"""
                .formatted(name)).path("id")).longValue();

        await().atMost(WAIT).until(() -> telegramRequestMentioning(name).isPresent());
        TelegramStandIn.Request request = telegramRequestMentioning(name).orElseThrow();
        assertEquals("POST", request.method());
        assertEquals("/bot" + TelegramStandIn.TOKEN + "/sendMessage", request.path());
        assertTrue(request.contentType().startsWith("application/json"), request.toString());
        JsonNode body = JSON.readTree(request.body());
        assertEquals(TelegramStandIn.CHAT_ID, body.get("chat_id").asText());
        assertEquals("""
                New contact form message #%d
                Name: %s
                Phone: +79161112233
                Email: t@example.com

                Size *M* <b>please</b>""".formatted(id, name), body.get("text").asText());
        assertEquals(null, body.get("parse_mode"));
    }

    @Test
    void aMessageLongerThanTelegramAllowsIsCutForTelegramOnly() throws Exception {
        String name = uniqueName();
        String text = "y".repeat(5000);
        long id = ((Number) submit("{\"customerName\":\"%s\",\"phone\":\"+79160000004\",\"text\":\"%s\"}"
                .formatted(name, text)).path("id")).longValue();
        await().atMost(WAIT).until(() -> telegramRequestMentioning(name).isPresent());
        String sent = JSON.readTree(telegramRequestMentioning(name).orElseThrow().body()).get("text").asText();
        assertEquals(4096, sent.length());
        assertTrue(sent.startsWith("New contact form message #" + id + "\nName: " + name), sent.substring(0, 80));
        assertTrue(sent.endsWith("y…"), sent.substring(4000));
        given().auth().oauth2(RegisteredCustomers.staffToken()).get(PATH).then()
                .body("items.find { it.id == %d }.text".formatted(id), equalTo(text));
    }

    @Test
    void aFailingTelegramDoesNotFailTheSubmissionNorTheMailAndItsLogLineHoldsNoToken() {
        String name = uniqueName() + " " + TelegramStandIn.FAIL_MARKER;
        try (LogCapture log = LogCapture.start()) {
            ExtractableResponse<Response> created = submit("""
                    {"customerName":"%s","phone":"+79160000001"}""".formatted(name));
            assertEquals(201, created.statusCode(), created.asString());
            long id = ((Number) created.path("id")).longValue();
            await().atMost(WAIT).until(() -> log.anyMatch(
                    l -> l.contains("could not send contact form " + id + " to Telegram: Telegram answered HTTP 500")));
            assertTrue(log.lines().stream().noneMatch(l -> l.contains(TelegramStandIn.TOKEN)), "the bot token was logged");
        }
        assertTrue(telegramRequestMentioning(name).isPresent());
        MailResource.awaitMessage(m -> m.to().equalsIgnoreCase("office@shop.test") && m.subject().contains(name), WAIT);
        given().auth().oauth2(RegisteredCustomers.staffToken()).queryParam("limit", 200).get(PATH).then()
                .body("items.customerName", hasItems(name));
    }

    @Test
    void invalidMessagesAreRefusedWithTheFieldsNamedAndNotStored() {
        String admin = TestTokens.issue("3", "admin");
        int before = given().auth().oauth2(admin).get(PATH).then().extract().path("total");
        submit("{\"text\":\"hello\"}").response().then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("customerName", "phone"));
        submit("{\"customerName\":\"A\",\"phone\":\"12-34\"}").response().then().statusCode(400)
                .body("errors.field", contains("phone"));
        submit("{\"customerName\":\"A\",\"phone\":\"+79160000002\",\"email\":\"nope\"}").response().then()
                .statusCode(400).body("errors.field", contains("email"));
        submit("{\"customerName\":\"A\",\"phone\":\"+79160000002\",\"subject\":\"x\"}").response().then()
                .statusCode(400).body("errors.field", contains("subject"));
        submit("{\"customerName\":\"%s\",\"phone\":\"+79160000002\",\"text\":\"%s\"}"
                .formatted("A", "x".repeat(5001))).response().then().statusCode(400).body("errors.field", contains("text"));
        given().contentType(ContentType.JSON).post(PATH).then().statusCode(400);
        given().auth().oauth2(admin).get(PATH).then().body("total", equalTo(before));
    }

    @Test
    void optionalFieldsMayBeLeftOut() {
        submit("{\"customerName\":\"%s\",\"phone\":\"+79160000003\"}".formatted(uniqueName())).response().then()
                .statusCode(201).body("email", nullValue()).body("text", nullValue());
    }
}
