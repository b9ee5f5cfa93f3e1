package shop.commons.telegram;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends messages to the shop's staff chat through a Telegram bot (customer-service: contact forms; order-service: new orders), when a bot token and a chat id are
 * configured ({@code shop.telegram.bot-token}, {@code shop.telegram.chat-id}); otherwise it is off.
 */
@ApplicationScoped
public class TelegramMessenger {
    private final URI apiUrl;
    private final Optional<String> botToken;
    private final Optional<String> chatId;
    /** Telegram refuses longer messages. */
    public static final int MAX_LENGTH = 4096;

    private volatile TelegramBotApi api;

    public TelegramMessenger(@ConfigProperty(name = "shop.telegram.api-url", defaultValue = "https://api.telegram.org") URI apiUrl,
                             @ConfigProperty(name = "shop.telegram.bot-token") Optional<String> botToken,
                             @ConfigProperty(name = "shop.telegram.chat-id") Optional<String> chatId) {
        this.apiUrl = apiUrl;
        this.botToken = botToken.map(String::trim).filter(s -> !s.isEmpty());
        this.chatId = chatId.map(String::trim).filter(s -> !s.isEmpty());
    }

    public boolean enabled() {
        return botToken.isPresent() && chatId.isPresent();
    }

    /** Sends {@code text} to the staff chat; a no-op when Telegram is not configured. Fails on a non-2xx answer. */
    public Uni<Void> sendToStaff(String text) {
        if (!enabled()) {
            return Uni.createFrom().voidItem();
        }
        String message = text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
        return api().sendMessage(botToken.get(), new TelegramBotApi.SendMessage(chatId.get(), message));
    }

    private TelegramBotApi api() {
        if (api == null) {
            api = QuarkusRestClientBuilder.newBuilder()
                    .baseUri(apiUrl)
                    .connectTimeout(5, TimeUnit.SECONDS)
                    .readTimeout(10, TimeUnit.SECONDS)
                    .build(TelegramBotApi.class);
        }
        return api;
    }
}
