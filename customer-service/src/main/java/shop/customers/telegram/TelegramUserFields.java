package shop.customers.telegram;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** {@code {"chatId": 123456789, "statusId": 1}}: what the bot sends, and what a PATCH ends up with. */
public record TelegramUserFields(
        @NotNull(message = "is required") Long chatId,
        @NotNull(message = "is required") @Min(value = 0, message = "must not be negative") Integer statusId) {

    static TelegramUserFields of(TelegramUser user) {
        return new TelegramUserFields(user.chatId, user.statusId);
    }
}
