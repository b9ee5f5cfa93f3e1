package shop.customers.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TokenResourceTest {

    @Test
    void bootstrappedAdminSignsInWithLogin() {
        given().contentType(ContentType.JSON).body("{\"login\":\"admin\",\"password\":\"admin\"}")
                .when().post("/api/auth/token")
                .then().statusCode(200)
                .body("accessToken", notNullValue())
                .body("tokenType", equalTo("Bearer"))
                .body("roles", contains("admin"))
                .body("expiresIn", equalTo(900));
    }

    @Test
    void aWrongPasswordAndAnUnknownLoginGetTheSameAnswer() {
        String wrongPassword = given().contentType(ContentType.JSON)
                .body("{\"login\":\"admin\",\"password\":\"not-the-password\"}")
                .when().post("/api/auth/token")
                .then().statusCode(401).contentType("application/problem+json")
                .extract().path("detail");
        String unknownLogin = given().contentType(ContentType.JSON)
                .body("{\"login\":\"nobody-here\",\"password\":\"admin\"}")
                .when().post("/api/auth/token")
                .then().statusCode(401).extract().path("detail");
        String unknownEmail = given().contentType(ContentType.JSON)
                .body("{\"email\":\"nobody@example.com\",\"password\":\"admin\"}")
                .when().post("/api/auth/token")
                .then().statusCode(401).extract().path("detail");
        org.junit.jupiter.api.Assertions.assertEquals(wrongPassword, unknownLogin);
        org.junit.jupiter.api.Assertions.assertEquals(wrongPassword, unknownEmail);
    }

    @Test
    void exactlyOneIdentifierIsRequired() {
        given().contentType(ContentType.JSON).body("{\"login\":\"admin\",\"email\":\"a@b.cd\",\"password\":\"x\"}")
                .when().post("/api/auth/token")
                .then().statusCode(400).body("detail", startsWith("Give exactly one"));
    }

    @Test
    void badBodiesAreProblemDetails() {
        given().contentType(ContentType.JSON).body("{\"login\":\"admin\",")
                .when().post("/api/auth/token")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("detail", startsWith("Malformed JSON"));
        given().contentType(ContentType.JSON).body("{\"login\":\"admin\",\"password\":\"admin\",\"remember\":true}")
                .when().post("/api/auth/token")
                .then().statusCode(400).body("errors.field", hasItem("remember"));
        given().contentType(ContentType.JSON).body("{\"login\":\"admin\"}")
                .when().post("/api/auth/token")
                .then().statusCode(400).body("errors.field", hasItem("password"));
        given().contentType(ContentType.JSON).body("{\"login\":\"admin\",\"password\":[1,2]}")
                .when().post("/api/auth/token")
                .then().statusCode(400).body("errors.field", hasItem("password"));
    }
}
