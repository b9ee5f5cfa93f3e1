package shop.customers.staff;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.customers.Accounts;
import shop.devstack.testing.TestTokens;

@QuarkusTest
class StaffUserResourceTest {
    static final String ADMIN = TestTokens.issue("999999", "admin");

    static String uniqueLogin(String prefix) {
        return prefix + "-" + System.nanoTime();
    }

    static long create(String login, String role) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"login\":\"%s\",\"password\":\"%s\",\"firstName\":\"Ivan\",\"lastName\":\"Ivanov\",\"role\":\"%s\"}"
                        .formatted(login, Accounts.PASSWORD, role))
                .when().post("/api/users")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void anAdminCreatesAUserWhoSignsIn() {
        String login = uniqueLogin("manager");
        JsonPath created = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"login\":\"%s\",\"password\":\"%s\",\"firstName\":\"Olga\",\"role\":\"manager\"}"
                        .formatted(login, Accounts.PASSWORD))
                .when().post("/api/users")
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/users/"))
                .body("login", equalTo(login))
                .body("role", equalTo("manager"))
                .body("firstName", equalTo("Olga"))
                .body("$", not(hasKey("passwordHash")))
                .body("$", not(hasKey("password")))
                .extract().jsonPath();
        long id = created.getLong("id");
        Accounts.signIn("login", login.toUpperCase(), Accounts.PASSWORD).then().statusCode(200).body("roles", contains("manager"));
        given().auth().oauth2(ADMIN).when().get("/api/users/" + id).then().statusCode(200).body("login", equalTo(login));
    }

    @Test
    void loginsAreUniqueAndInputIsValidated() {
        String login = uniqueLogin("dup");
        create(login, "manager");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"login\":\"%s\",\"password\":\"another-pass\",\"role\":\"admin\"}".formatted(login.toUpperCase()))
                .when().post("/api/users").then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"login\":\"x y\",\"password\":\"short\",\"role\":\"boss\"}")
                .when().post("/api/users").then().statusCode(400)
                .body("errors.field", hasItem("login"))
                .body("errors.field", hasItem("password"))
                .body("errors.field", hasItem("role"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"login\":\"%s\",\"password\":\"long-enough\",\"role\":\"supplier\"}".formatted(uniqueLogin("s")))
                .when().post("/api/users").then().statusCode(400).body("detail", equalTo("A supplier user needs a supplierId"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"login\":\"%s\",\"password\":\"long-enough\",\"role\":\"manager\",\"supplierId\":3}".formatted(uniqueLogin("m")))
                .when().post("/api/users").then().statusCode(400);
    }

    @Test
    void onlyAdminsCreateAndDeleteManagersMayRead() {
        String manager = TestTokens.issue("999998", "manager");
        String login = uniqueLogin("victim");
        long id = create(login, "manager");
        String refreshToken = Accounts.signIn("login", login, Accounts.PASSWORD).then().statusCode(200)
                .extract().path("refreshToken");
        given().auth().oauth2(manager).contentType(ContentType.JSON)
                .body("{\"login\":\"%s\",\"password\":\"long-enough\",\"role\":\"admin\"}".formatted(uniqueLogin("x")))
                .when().post("/api/users").then().statusCode(403);
        given().auth().oauth2(manager).when().delete("/api/users/" + id).then().statusCode(403);
        given().auth().oauth2(manager).contentType(ContentType.JSON).body("{\"role\":\"admin\"}")
                .when().patch("/api/users/" + id).then().statusCode(403);
        given().auth().oauth2(manager).when().get("/api/users/" + id).then().statusCode(200);
        given().auth().oauth2(manager).queryParam("limit", 2).when().get("/api/users")
                .then().statusCode(200)
                .body("items.size()", lessThanOrEqualTo(2))
                .body("items", everyItem(not(hasKey("passwordHash"))))
                .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(2));
        given().auth().oauth2(TestTokens.issue(String.valueOf(id), "customer")).when().get("/api/users")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.issue(String.valueOf(id), "customer")).when().get("/api/users/" + id)
                .then().statusCode(403);
        given().when().get("/api/users").then().statusCode(401);

        given().auth().oauth2(ADMIN).when().delete("/api/users/" + id).then().statusCode(204);
        given().auth().oauth2(ADMIN).when().get("/api/users/" + id).then().statusCode(404);
        // a deleted user's session ends and the login no longer signs in
        given().contentType(ContentType.JSON).body("{\"refreshToken\":\"%s\"}".formatted(refreshToken))
                .when().post("/api/auth/refresh").then().statusCode(401);
        Accounts.signIn("login", login, Accounts.PASSWORD).then().statusCode(401);
        given().auth().oauth2(ADMIN).when().delete("/api/users/" + id).then().statusCode(404);
    }

    @Test
    void aUserEditsItselfButNotItsRoleAndNeedsTheCurrentPasswordForANewOne() {
        String login = uniqueLogin("self");
        long id = create(login, "manager");
        String token = Accounts.accessToken("login", login, Accounts.PASSWORD);

        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"firstName\":\"Pyotr\",\"lastName\":null}")
                .when().patch("/api/users/" + id)
                .then().statusCode(200).body("firstName", equalTo("Pyotr")).body("lastName", nullValue())
                .body("role", equalTo("manager"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"role\":\"admin\"}")
                .when().patch("/api/users/" + id).then().statusCode(403);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"password\":\"brand-new-pass\"}")
                .when().patch("/api/users/" + id).then().statusCode(400);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"password\":\"brand-new-pass\",\"currentPassword\":\"wrong-one\"}")
                .when().patch("/api/users/" + id).then().statusCode(400);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"password\":\"short\",\"currentPassword\":\"%s\"}"
                        .formatted(Accounts.PASSWORD))
                .when().patch("/api/users/" + id).then().statusCode(400).body("errors.field", contains("password"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"shoeSize\":44,\"firstName\":7}")
                .when().patch("/api/users/" + id).then().statusCode(400)
                .body("errors.field", hasItem("shoeSize")).body("errors.field", hasItem("firstName"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"password\":\"brand-new-pass\",\"currentPassword\":\"%s\"}".formatted(Accounts.PASSWORD))
                .when().patch("/api/users/" + id).then().statusCode(200);
        Accounts.signIn("login", login, "brand-new-pass").then().statusCode(200);

        // another (non-admin) user may not edit it
        long other = create(uniqueLogin("other"), "manager");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"firstName\":\"X\"}")
                .when().patch("/api/users/" + other).then().statusCode(403);
    }

    @Test
    void anAdminChangesRolesAndSuppliers() {
        long id = create(uniqueLogin("promote"), "manager");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"role\":\"supplier\",\"supplierId\":12}")
                .when().patch("/api/users/" + id)
                .then().statusCode(200).body("role", equalTo("supplier")).body("supplierId", equalTo(12));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"role\":\"manager\"}")
                .when().patch("/api/users/" + id)
                .then().statusCode(200).body("role", equalTo("manager")).body("supplierId", nullValue());
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"role\":\"supplier\"}")
                .when().patch("/api/users/" + id).then().statusCode(400);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"role\":null}")
                .when().patch("/api/users/" + id).then().statusCode(400).body("errors.field", contains("role"));
    }

    @Test
    void theLastAdminCanBeNeitherDeletedNorDemoted() {
        // leave exactly one admin: the bootstrapped one (other tests' admins are removed)
        List<Map<String, Object>> users = given().auth().oauth2(ADMIN).queryParam("limit", 200)
                .when().get("/api/users").then().statusCode(200).extract().jsonPath().getList("items");
        long bootstrap = users.stream().filter(u -> "admin".equals(u.get("login")))
                .mapToLong(u -> ((Number) u.get("id")).longValue()).findFirst().orElseThrow();
        long extra = create(uniqueLogin("second-admin"), "admin");
        given().auth().oauth2(ADMIN).queryParam("limit", 200).when().get("/api/users").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("items").stream()
                .filter(u -> "admin".equals(u.get("role")) && ((Number) u.get("id")).longValue() != bootstrap
                        && ((Number) u.get("id")).longValue() != extra)
                .forEach(u -> given().auth().oauth2(ADMIN).when().delete("/api/users/" + u.get("id"))
                        .then().statusCode(204));

        // with two admins, one may go
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"role\":\"manager\"}")
                .when().patch("/api/users/" + extra).then().statusCode(200);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"role\":\"manager\"}")
                .when().patch("/api/users/" + bootstrap).then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).when().delete("/api/users/" + bootstrap).then().statusCode(409);
        Accounts.signIn("login", "admin", "admin").then().statusCode(200).body("roles", contains("admin"));
    }
}
