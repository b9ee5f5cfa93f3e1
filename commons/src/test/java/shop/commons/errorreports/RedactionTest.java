package shop.commons.errorreports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What an error report may not carry is taken out of its texts. */
class RedactionTest {
    private static void hidden(String text, String secret) {
        String redacted = Redaction.redact(text, 1000);
        assertFalse(redacted.contains(secret), redacted);
        assertTrue(redacted.contains(Redaction.REDACTED), redacted);
    }

    @Test
    void secretsAndPersonalDataAreRedacted() {
        hidden("login failed: password=hunter2 for admin", "hunter2");
        hidden("{\"password\": \"hunter2\"}", "hunter2");
        hidden("config shop.telegram.bot-token: 123456:ABCdefGHIjklMNOpqrSTUvwxYZ0123", "ABCdef");
        hidden("sent 123456:ABCdefGHIjklMNOpqrSTUvwxYZ0123 to the API", "ABCdef");
        hidden("Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl", "eyJ");
        hidden("token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl expired", "eyJ");
        hidden("no account for ivan.petrov+shop@mail.example.ru", "ivan.petrov");
        hidden("cart 5f0c8a0e-1b2c-4d3e-8f90-a1b2c3d4e5f6 is gone", "5f0c8a0e");
        hidden("GET https://bank.example/rest/register.do?userName=shop&password=x1 failed", "userName=shop");
        hidden("jdbc:postgresql://catalog:s3cret@db:5432/catalog refused", "s3cret");
        hidden("ERROR: duplicate key value violates unique constraint \"customer_email\" Detail: Key (lower(email))=(anna@x.org) already exists.", "anna@x.org");
        hidden("Key (phone)=(89161234567) already exists", "89161234567");
        hidden("card 4111111111111111 declined", "4111111111111111");
        hidden("call +7 (916) 123-45-67 back", "123-45-67");
        hidden("api_key=AKIAIOSFODNN7EXAMPLE&x", "AKIAIOSFODNN7EXAMPLE");
    }

    @Test
    void whatSaysWhatFailedStays() {
        String text = "Order 17 cannot move from new to shipped (cause: org.postgresql.util.PSQLException: ERROR: deadlock detected)";
        assertEquals(text, Redaction.redact(text, 1000));
        assertEquals("POST /api/catalog/products/12/variants", Redaction.redact("POST /api/catalog/products/12/variants", 1000));
        assertEquals("java.lang.IllegalStateException", Redaction.redact("java.lang.IllegalStateException", 1000));
    }

    @Test
    void textIsOneLineAndCut() {
        assertEquals("a / b", Redaction.redact("a\r\n  b", 100));
        assertEquals(10, Redaction.redact("x".repeat(50), 10).length());
        assertTrue(Redaction.redact("x".repeat(50), 10).endsWith("…"));
    }
}
