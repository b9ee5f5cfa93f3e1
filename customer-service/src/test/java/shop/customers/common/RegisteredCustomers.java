package shop.customers.common;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.concurrent.atomic.AtomicLong;
import shop.devstack.testing.TestTokens;

/** Registers fresh customers (unique email and phone) through the API and issues their tokens. */
public final class RegisteredCustomers {
    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private RegisteredCustomers() {
    }

    public record Shopper(long id, String token) {
    }

    public static Shopper register() {
        long n = SEQ.incrementAndGet();
        int id = given().contentType(ContentType.JSON).body("""
                        {"firstName":"Olga","lastName":"Smirnova","email":"extras%d@example.com","phone":"+7 903 %07d"}"""
                        .formatted(n, n % 10_000_000))
                .when().post("/api/customers")
                .then().statusCode(201)
                .extract().path("id");
        return new Shopper(id, TestTokens.issue(String.valueOf(id), "customer"));
    }

    /** A phone number no other test uses, as a person might type it. */
    public static String uniquePhone() {
        return "8 (926) " + String.format("%07d", SEQ.incrementAndGet() % 10_000_000);
    }

    public static String staffToken() {
        return TestTokens.issue("1", "manager");
    }
}
