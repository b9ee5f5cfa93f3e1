package shop.commons.telegram;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends messages to the shop's staff chat through a Telegram bot (customer-service: contact forms; order-service: new orders), when a bot token and a chat id are
 * configured ({@code shop.telegram.bot-token}, {@code shop.telegram.chat-id}); otherwise it is off.
 *
 * <p>The bot token is part of every request URL ({@code /bot<token>/sendMessage}), and an HTTP client's
 * failure message may quote that URL (Vert.x timeouts do). So the outcome is logged here and only as the
 * answer's status or the failure's exception classes: no caller gets an exception that could carry the token.
 */
@ApplicationScoped
public class TelegramMessenger {
    private static final Logger LOG = Logger.getLogger(TelegramMessenger.class);
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

    /** Whether a bot is configured (token), whatever the staff chat: other chats may use it (error reports). */
    public boolean hasBot() {
        return botToken.isPresent();
    }

    /**
     * Sends {@code text} to the staff chat in the background (the caller never waits for Telegram); a no-op
     * when Telegram is not configured. {@code about} names the message in the log ("contact form 12").
     */
    public void notifyStaff(String about, String text) {
        if (!enabled()) {
            return;
        }
        send(chatId.get(), about, text);
    }

    /**
     * Sends {@code text} to the chat {@code chat} in the background, like {@link #notifyStaff}; a no-op
     * without a bot token.
     */
    public void send(String chat, String about, String text) {
        if (!hasBot()) {
            return;
        }
        String message = text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
        api().sendMessage(botToken.get(), new TelegramBotApi.SendMessage(chat, message)).subscribe().with(
                sent -> LOG.debugf("%s sent to Telegram", about),
                failure -> LOG.errorf("could not send %s to Telegram: %s", about, reason(failure)));
    }

    /** The status Telegram answered, or the failure's exception classes; never an exception message. */
    static String reason(Throwable failure) {
        if (failure instanceof WebApplicationException web && web.getResponse() != null) {
            return "Telegram answered HTTP " + web.getResponse().getStatus();
        }
        StringBuilder reason = new StringBuilder(failure.getClass().getName());
        Throwable cause = failure.getCause();
        for (int depth = 0; cause != null && depth < 10; depth++, cause = cause.getCause()) {
            reason.append(" caused by ").append(cause.getClass().getName());
        }
        return reason.toString();
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
