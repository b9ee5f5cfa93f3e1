package shop.customers.customer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import shop.customers.Accounts;
import shop.devstack.testing.MailResource;

/** At most 5 confirmation and reset mails per recipient an hour (the default). */
@QuarkusTest
class MailLimitsTest {
    static final int PER_RECIPIENT = 5;

    static Response requestReset(String clientAddress, String email) {
        return given().contentType(ContentType.JSON).header("X-Client-Address", clientAddress)
                .body("{\"email\":\"%s\"}".formatted(email))
                .when().post("/api/auth/password-reset");
    }

    /** Waits until exactly {@code expected} mails reached {@code recipient} and no more arrive for a while. */
    static void assertMailCount(String recipient, int expected) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> MailResource.messagesTo(recipient).size() >= expected);
        // the mails leave asynchronously: give a mail that should not exist the time to show up
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> MailResource.messagesTo(recipient).size() == expected);
    }

    @Test
    void aMailboxGetsAtMostFiveAccountMailsAndTheAnswerNeverChanges() {
        Accounts.Customer customer = Accounts.register(); // 1: the confirmation mail
        String expected = requestReset(Accounts.uniqueAddress(), Accounts.uniqueEmail())
                .then().statusCode(202).extract().asString();
        for (int i = 0; i < PER_RECIPIENT + 2; i++) {
            // every request from its own address: only the recipient's cap applies
            String answer = requestReset(Accounts.uniqueAddress(), customer.email())
                    .then().statusCode(202).extract().asString();
            assertEquals(expected, answer, "the answer must not tell whether a mail was sent");
        }
        assertMailCount(customer.email(), PER_RECIPIENT);

        // the requests that mailed nothing did not replace the last token that was mailed (mails may
        // arrive out of order, so try each: exactly the newest one works)
        long working = IntStream.rangeClosed(1, PER_RECIPIENT - 1)
                .mapToObj(n -> Accounts.mailedToken(customer.email(), "Reset", n))
                .filter(token -> MailFlowsTest.confirmReset(customer.email(), token, "a-new-password").statusCode() == 204)
                .count();
        assertEquals(1, working);
    }

    @Test
    void changingTheEmailBackAndForthCannotFloodAMailbox() {
        Accounts.Customer customer = Accounts.register();
        String token = Accounts.accessToken(customer);
        String victim = Accounts.uniqueEmail();
        for (int i = 0; i < PER_RECIPIENT + 2; i++) {
            for (String email : new String[] {victim, customer.email()}) {
                given().auth().oauth2(token).contentType(ContentType.JSON)
                        .header("X-Client-Address", Accounts.uniqueAddress())
                        .body("{\"email\":\"%s\"}".formatted(email))
                        .when().patch("/api/customers/" + customer.id()).then().statusCode(200);
            }
        }
        assertMailCount(victim, PER_RECIPIENT);
    }
}
