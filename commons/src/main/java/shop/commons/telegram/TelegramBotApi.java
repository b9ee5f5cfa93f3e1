package shop.commons.telegram;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

/** The one call of the Telegram Bot API the platform needs. Built by {@link TelegramMessenger}. */
@Path("")
public interface TelegramBotApi {
    @POST
    @Path("/bot{token}/sendMessage")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Void> sendMessage(@PathParam("token") String token, SendMessage message);

    /** Plain text: no parse mode, so nothing a customer typed is read as markup. */
    record SendMessage(@JsonProperty("chat_id") String chatId, String text) {
    }
}
