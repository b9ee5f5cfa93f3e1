package shop.devstack.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Telegram stand-in as a service's bot client uses it. */
class TelegramStandInTest {
    private static HttpResponse<String> send(String apiUrl, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(apiUrl + "/bot" + TelegramStandIn.TOKEN + "/sendMessage"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void recordsEveryMessageAndAnswersLikeTelegramOr500WhenAsked() throws Exception {
        Map<String, String> config = new TelegramStandIn().start();
        assertEquals(TelegramStandIn.TOKEN, config.get("shop.telegram.bot-token"));
        assertEquals(TelegramStandIn.CHAT_ID, config.get("shop.telegram.chat-id"));
        String apiUrl = config.get("shop.telegram.api-url");
        assertEquals(apiUrl, TelegramStandIn.url(), "one stand-in per JVM");

        HttpResponse<String> ok = send(apiUrl, "{\"chat_id\":\"-1\",\"text\":\"Привет \\\"там\\\"\\nok-1\"}");
        assertEquals(200, ok.statusCode());
        assertTrue(ok.body().contains("\"ok\":true"), ok.body());
        assertEquals(500, send(apiUrl, "{\"text\":\"fail-1 " + TelegramStandIn.FAIL_MARKER.replace("\"", "\\\"") + "\"}").statusCode());

        List<TelegramStandIn.Request> seen = TelegramStandIn.receivedMentioning("ok-1");
        assertEquals(1, seen.size());
        assertEquals(new TelegramStandIn.Request("POST", "/bot" + TelegramStandIn.TOKEN + "/sendMessage", "application/json",
                "{\"chat_id\":\"-1\",\"text\":\"Привет \\\"там\\\"\\nok-1\"}"), seen.get(0));
        assertEquals(1, TelegramStandIn.receivedMentioning("fail-1").size());
    }
}
