package shop.customers.telegram;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import shop.customers.common.RegisteredCustomers;
import shop.devstack.testing.TestTokens;

@QuarkusTest
class TelegramUserResourceTest {
    private static final String PATH = "/api/telegram-users";
    /** Chat ids no other test uses; ints, as JSON numbers this small come back as Integer in REST Assured. */
    private static final AtomicInteger CHATS = new AtomicInteger((int) (500_000_000L + System.nanoTime() % 1_000_000_000L));
    private static final String BOT = TestTokens.issue("assortment-bot", "bot");

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static long create(String token, long chatId, int statusId) {
        return ((Number) as(token).body("{\"chatId\":%d,\"statusId\":%d}".formatted(chatId, statusId)).post(PATH)
                .then().statusCode(201).extract().path("id")).longValue();
    }

    @Test
    void theBotCreatesReadsChangesAndDeletesItsUsers() {
        int chat = CHATS.incrementAndGet();
        ExtractableResponse<Response> created = as(BOT).body("{\"chatId\":%d,\"statusId\":1}".formatted(chat)).post(PATH)
                .then().statusCode(201).body("chatId", equalTo(chat)).body("statusId", equalTo(1)).extract();
        long id = ((Number) created.path("id")).longValue();
        assertTrue(created.header("Location").endsWith(PATH + "/" + id));

        as(BOT).get(PATH + "/" + id).then().statusCode(200).body("chatId", equalTo(chat));
        as(BOT).body("{\"statusId\":4}").patch(PATH + "/" + id).then().statusCode(200)
                .body("statusId", equalTo(4)).body("chatId", equalTo(chat));
        int newChat = CHATS.incrementAndGet();
        as(BOT).body("{\"chatId\":%d}".formatted(newChat)).patch(PATH + "/" + id).then().statusCode(200)
                .body("chatId", equalTo(newChat)).body("statusId", equalTo(4));
        as(BOT).queryParam("chatId", newChat).get(PATH).then().statusCode(200)
                .body("total", equalTo(1)).body("items.id", contains((int) id));
        as(BOT).queryParam("chatId", chat).get(PATH).then().statusCode(200).body("total", equalTo(0));

        as(BOT).delete(PATH + "/" + id).then().statusCode(204);
        as(BOT).get(PATH + "/" + id).then().statusCode(404);
        as(BOT).delete(PATH + "/" + id).then().statusCode(404);
        as(BOT).body("{\"statusId\":1}").patch(PATH + "/" + id).then().statusCode(404);
    }

    @Test
    void aChatHasOneUser409() {
        int chat = CHATS.incrementAndGet();
        long first = create(BOT, chat, 0);
        as(BOT).body("{\"chatId\":%d,\"statusId\":2}".formatted(chat)).post(PATH).then().statusCode(409)
                .contentType("application/problem+json");
        long other = create(BOT, CHATS.incrementAndGet(), 0);
        as(BOT).body("{\"chatId\":%d}".formatted(chat)).patch(PATH + "/" + other).then().statusCode(409);
        // keeping one's own chat is no conflict
        as(BOT).body("{\"chatId\":%d,\"statusId\":3}".formatted(chat)).patch(PATH + "/" + first).then().statusCode(200);
        // group chats have negative ids
        create(BOT, -CHATS.incrementAndGet(), 0);
    }

    @Test
    void theListIsPaged() {
        for (int i = 0; i < 3; i++) {
            create(BOT, CHATS.incrementAndGet(), i);
        }
        int total = as(BOT).get(PATH).then().statusCode(200).body("total", greaterThanOrEqualTo(3))
                .extract().path("total");
        as(BOT).queryParam("limit", 2).get(PATH).then().statusCode(200)
                .body("items", hasSize(2)).body("total", equalTo(total));
        as(BOT).queryParam("limit", 2).queryParam("offset", total - 1).get(PATH).then().statusCode(200)
                .body("items", hasSize(1));
        as(BOT).queryParam("offset", -1).get(PATH).then().statusCode(400).body("errors.field", contains("offset"));
    }

    @Test
    void onlyTheBotAndStaffMayUseIt() {
        long id = create(RegisteredCustomers.staffToken(), CHATS.incrementAndGet(), 0);
        as(TestTokens.issue("2", "admin")).get(PATH + "/" + id).then().statusCode(200);
        String customer = TestTokens.issue("77", "customer");
        as(customer).get(PATH).then().statusCode(403);
        as(customer).get(PATH + "/" + id).then().statusCode(403);
        as(customer).body("{\"chatId\":%d,\"statusId\":0}".formatted(CHATS.incrementAndGet())).post(PATH)
                .then().statusCode(403);
        as(TestTokens.issue("9", "supplier")).delete(PATH + "/" + id).then().statusCode(403);
        given().get(PATH).then().statusCode(401);
        given().contentType(ContentType.JSON).body("{\"chatId\":1,\"statusId\":0}").post(PATH).then().statusCode(401);
        given().delete(PATH + "/" + id).then().statusCode(401);
        as(BOT).get(PATH + "/" + id).then().statusCode(200);
    }

    @Test
    void invalidBotUsersAreRefusedWithTheFieldsNamed() {
        as(BOT).body("{\"statusId\":-1}").post(PATH).then().statusCode(400)
                .body("errors.field", hasItems("chatId", "statusId"));
        as(BOT).body("{\"chatId\":\"abc\",\"statusId\":1}").post(PATH).then().statusCode(400)
                .body("errors.field", contains("chatId"));
        as(BOT).body("{\"chatId\":1,\"statusId\":1,\"name\":\"x\"}").post(PATH).then().statusCode(400)
                .body("errors.field", contains("name"));
        long id = create(BOT, CHATS.incrementAndGet(), 1);
        as(BOT).body("{\"statusId\":null}").patch(PATH + "/" + id).then().statusCode(400)
                .body("errors.field", contains("statusId"));
        as(BOT).get(PATH + "/" + id).then().body("statusId", equalTo(1));
    }
}
