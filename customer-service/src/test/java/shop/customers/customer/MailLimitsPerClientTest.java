package shop.customers.customer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.customers.Accounts;
import shop.customers.ShortLimitsProfile;
import shop.devstack.testing.MailResource;

/** One client address causes at most {@link ShortLimitsProfile#MAILS_PER_CLIENT_ADDRESS} account mails. */
@QuarkusTest
@TestProfile(ShortLimitsProfile.class)
class MailLimitsPerClientTest {

    @Test
    void oneClientCannotMailResetsToManyMailboxes() {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i <= ShortLimitsProfile.MAILS_PER_CLIENT_ADDRESS; i++) {
            Accounts.Customer customer = Accounts.register(); // each from its own address (see Accounts)
            Accounts.mailedToken(customer.email(), "Confirm", 1);
            emails.add(customer.email());
        }
        String sprayer = Accounts.uniqueAddress();
        for (String email : emails) {
            MailLimitsTest.requestReset(sprayer, email).then().statusCode(202);
        }
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> resetMails(emails) >= ShortLimitsProfile.MAILS_PER_CLIENT_ADDRESS);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> resetMails(emails) == ShortLimitsProfile.MAILS_PER_CLIENT_ADDRESS);
        // another client still gets its mail
        MailLimitsTest.requestReset(Accounts.uniqueAddress(), emails.get(emails.size() - 1)).then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> resetMails(emails) == ShortLimitsProfile.MAILS_PER_CLIENT_ADDRESS + 1);
        assertEquals(ShortLimitsProfile.MAILS_PER_CLIENT_ADDRESS + 1, resetMails(emails));
    }

    private static long resetMails(List<String> emails) {
        return emails.stream().mapToLong(e -> Accounts.mailsTo(e, "Reset").size()).sum();
    }
}
