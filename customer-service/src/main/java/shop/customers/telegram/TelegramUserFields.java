package shop.customers.telegram;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** {@code {"chatId": 123456789, "statusId": 1}}: what the bot sends; a PATCH meets the same constraints. */
public record TelegramUserFields(
        @NotNull(message = "is required") Long chatId,
        @NotNull(message = "is required") @Min(value = 0, message = "must not be negative") Integer statusId) {
}
