package shop.customers.customer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import shop.commons.domain.Gone;
import shop.commons.domain.Invalid;
import shop.customers.auth.OpaqueTokens;

/**
 * One-time tokens for email confirmation and password reset: mailed to the customer, never in an
 * API answer; single-use, expiring, and bound to the address they were mailed to. A new token of a
 * purpose replaces the customer's earlier unused ones.
 */
@ApplicationScoped
public class CustomerTokens {
    public enum Purpose {
        EMAIL_CONFIRMATION("email-confirmation"), PASSWORD_RESET("password-reset");

        final String code;

        Purpose(String code) {
            this.code = code;
        }
    }

    @Inject
    AccountMails mails;

    @Inject
    AccountMailLimits mailLimits;

    @Inject
    AccountLinks links;

    @ConfigProperty(name = "shop.customers.confirmation-token-lifetime", defaultValue = "PT24H")
    Duration confirmationLifetime;

    @ConfigProperty(name = "shop.customers.reset-token-lifetime", defaultValue = "PT1H")
    Duration resetLifetime;

    /**
     * Creates a token for the customer's current email and mails it once the transaction commits,
     * unless the mail limits ({@link AccountMailLimits}) say the address or the client has had enough
     * mail: then nothing happens at all, and the tokens already mailed stay valid.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void mail(Customer customer, Purpose purpose, String clientAddress) {
        if (!mailLimits.tryAcquire(customer.email, clientAddress)) {
            return;
        }
        Instant now = Instant.now();
        CustomerToken.update("usedAt = ?1 where customerId = ?2 and purpose = ?3 and usedAt is null",
                now, customer.id, purpose.code);
        String token = OpaqueTokens.generate();
        CustomerToken stored = new CustomerToken();
        stored.customerId = customer.id;
        stored.purpose = purpose.code;
        stored.tokenHash = OpaqueTokens.hash(token);
        stored.email = customer.email;
        stored.expiresAt = now.plus(purpose == Purpose.EMAIL_CONFIRMATION ? confirmationLifetime : resetLifetime);
        stored.persist();
        if (purpose == Purpose.EMAIL_CONFIRMATION) {
            String how = links.confirmation(customer.email, token)
                    .map(link -> "please confirm that this address is yours: open this link\n\n" + link
                            + "\n\nor send the address with this token to POST /api/customers/confirm.")
                    .orElse("please confirm that this address is yours: send it with this token to POST /api/customers/confirm.");
            mails.send(customer.email, "Confirm your email address", """
                    Hello %s,

                    %s

                    Token: %s

                    The token is valid for %d hours. If you did not register, ignore this mail.
                    """.formatted(customer.firstName, how, token, confirmationLifetime.toHours()));
        } else {
            String how = links.passwordReset(customer.email, token)
                    .map(link -> "someone asked to reset the password of your account. To choose a new one, open this link\n\n"
                            + link + "\n\nor send this token with your new password to POST /api/auth/password-reset/confirm.")
                    .orElse("someone asked to reset the password of your account. To choose a new one, send this token\n"
                            + "with your new password to POST /api/auth/password-reset/confirm.");
            mails.send(customer.email, "Reset your password", """
                    Hello %s,

                    %s

                    Token: %s

                    The token is valid for %d minutes. If it was not you, ignore this mail: nothing changes.
                    """.formatted(customer.firstName, how, token, resetLifetime.toMinutes()));
        }
    }

    /**
     * Uses up the token: 400 when it is wrong, already used, or was mailed to another address than the
     * customer's current one; 410 when it has expired.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void redeem(Optional<Customer> customer, Purpose purpose, String token) {
        Optional<CustomerToken> found = customer.flatMap(c -> CustomerToken
                .<CustomerToken>find("tokenHash = ?1 and customerId = ?2 and purpose = ?3 and usedAt is null",
                        OpaqueTokens.hash(token), c.id, purpose.code)
                .firstResultOptional()
                .filter(t -> t.email.equalsIgnoreCase(c.email)));
        if (found.isEmpty()) {
            throw new Invalid("The token is wrong or has already been used");
        }
        CustomerToken used = found.get();
        if (!used.expiresAt.isAfter(Instant.now())) {
            throw new Gone("The token has expired; ask for a new one");
        }
        used.usedAt = Instant.now();
    }
}
