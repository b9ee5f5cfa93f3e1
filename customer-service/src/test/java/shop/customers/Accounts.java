package shop.customers;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import shop.devstack.infra.ReceivedMail;
import shop.devstack.testing.MailResource;

/** Test data through the public API: unique customers, sign-ins, and tokens read out of received mail. */
public final class Accounts {
    public static final String PASSWORD = "secret-pass";
    private static final AtomicInteger SEQ = new AtomicInteger((int) Math.floorMod(System.nanoTime(), 1_000_000L));
    private static final Pattern TOKEN = Pattern.compile("Token: (\\S+)");

    private Accounts() {
    }

    public record Customer(long id, String email, String phone) {
    }

    public static String uniqueEmail() {
        return "acc" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100_000 + "@example.com";
    }

    /** Normalised (+7 and ten digits), unique within the run (7919 is prime to 10^7, so no two numbers of SEQ meet). */
    public static String uniquePhone() {
        return "+7925" + String.format("%07d", Math.floorMod(SEQ.incrementAndGet() * 7919L, 10_000_000L));
    }

    /**
     * A unique client address (sent as the gateway's {@code X-Client-Address}), so a test's failed
     * sign-ins and mails do not count against other tests.
     */
    public static String uniqueAddress() {
        int n = SEQ.incrementAndGet();
        return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
    }

    public static Customer register() {
        return register(uniqueEmail(), uniquePhone());
    }

    public static Customer register(String email, String phone) {
        int id = given().contentType(ContentType.JSON).header("X-Client-Address", uniqueAddress()).body("""
                        {"firstName":"Anna","lastName":"Petrova","email":"%s","phone":"%s","password":"%s"}"""
                        .formatted(email, phone, PASSWORD))
                .when().post("/api/customers")
                .then().statusCode(201).extract().path("id");
        return new Customer(id, email, phone);
    }

    public static Response signIn(String field, String value, String password) {
        return given().contentType(ContentType.JSON).header("X-Client-Address", uniqueAddress())
                .body("{\"%s\":\"%s\",\"password\":\"%s\"}".formatted(field, value, password))
                .when().post("/api/auth/token");
    }

    /** The access token of a successful sign-in. */
    public static String accessToken(String field, String value, String password) {
        return signIn(field, value, password).then().statusCode(200).extract().path("accessToken");
    }

    public static String accessToken(Customer customer) {
        return accessToken("email", customer.email(), PASSWORD);
    }

    /** Waits for the {@code n}-th mail (1-based) to {@code recipient} whose subject starts so; its token. */
    public static String mailedToken(String recipient, String subjectStart, int n) {
        // 30 s: on a busy 2-core CI machine the mailer may need a retry (AccountMails)
        List<ReceivedMail> mails = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> mailsTo(recipient, subjectStart), found -> found.size() >= n);
        Matcher token = TOKEN.matcher(mails.get(n - 1).body());
        if (!token.find()) {
            throw new AssertionError("no token in the mail: " + mails.get(n - 1).body());
        }
        return token.group(1);
    }

    public static List<ReceivedMail> mailsTo(String recipient, String subjectStart) {
        return MailResource.messagesTo(recipient).stream().filter(m -> m.subject().startsWith(subjectStart)).toList();
    }
}
