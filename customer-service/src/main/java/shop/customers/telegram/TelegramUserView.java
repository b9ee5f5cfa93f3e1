package shop.customers.telegram;

import java.time.Instant;

/** A bot user as the API shows it. */
public record TelegramUserView(long id, long chatId, int statusId, Instant createdAt, Instant updatedAt) {
    static TelegramUserView of(TelegramUser u) {
        return new TelegramUserView(u.id, u.chatId, u.statusId, u.createdAt, u.updatedAt);
    }
}
