package shop.customers.auth;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static shop.customers.auth.SignInLimitsTest.signIn;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import shop.customers.Accounts;
import shop.customers.ShortLimitsProfile;

/** The pair's growing back-off, its window, and the account-wide valve, with {@link ShortLimitsProfile}'s limits. */
@QuarkusTest
@TestProfile(ShortLimitsProfile.class)
class SignInBackOffTest {

    static int retryAfter(io.restassured.response.Response response) {
        return Integer.parseInt(response.then().statusCode(429).extract().header("Retry-After"));
    }

    @Test
    void thePairsWaitGrowsWithEachFailureAndTheWindowForgetsThem() {
        String account = Accounts.uniqueEmail(); // no account needed: identifiers count as typed
        String attacker = Accounts.uniqueAddress();
        for (int i = 0; i < ShortLimitsProfile.PAIR_FAILURES; i++) {
            signIn(attacker, account, "guess").then().statusCode(401);
        }
        int firstWait = retryAfter(signIn(attacker, account, "guess"));
        assertThat(firstWait, lessThanOrEqualTo((int) ShortLimitsProfile.PAIR_DELAY.toSeconds()));

        // once the wait is over the pair may try again (refused attempts count nothing)...
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> signIn(attacker, account, "guess").statusCode() == 401);
        Instant lastFailure = Instant.now();
        // ...and then waits twice as long
        int secondWait = retryAfter(signIn(attacker, account, "guess"));
        assertThat(secondWait, greaterThan(firstWait));

        // a window without failures forgets them: the free tries are back and the wait starts small again
        Instant windowOver = lastFailure.plus(ShortLimitsProfile.WINDOW).plusMillis(200);
        await().atMost(ShortLimitsProfile.WINDOW.plusSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> Instant.now().isAfter(windowOver));
        for (int i = 0; i < ShortLimitsProfile.PAIR_FAILURES; i++) {
            signIn(attacker, account, "guess").then().statusCode(401);
        }
        assertThat(retryAfter(signIn(attacker, account, "guess")),
                lessThanOrEqualTo((int) ShortLimitsProfile.PAIR_DELAY.toSeconds()));
    }

    @Test
    void guessingFromManyAddressesCannotKeepTheOwnerOffAnAddressItSignedInFrom() {
        Accounts.Customer owner = Accounts.register();
        String home = Accounts.uniqueAddress();
        signIn(home, owner.email(), Accounts.PASSWORD).then().statusCode(200);
        for (int i = 0; i < ShortLimitsProfile.ACCOUNT_FAILURES; i++) {
            signIn(Accounts.uniqueAddress(), owner.email(), "guess").then().statusCode(401);
        }
        // the account-wide valve: addresses the account never signed in from wait now
        retryAfter(signIn(Accounts.uniqueAddress(), owner.email(), Accounts.PASSWORD));
        // a typo at home counts only against home's own pair, not the valve
        signIn(home, owner.email(), "typo").then().statusCode(401);
        signIn(home, owner.email(), Accounts.PASSWORD).then().statusCode(200);
    }
}
