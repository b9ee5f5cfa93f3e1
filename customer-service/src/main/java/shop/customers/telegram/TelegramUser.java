package shop.customers.telegram;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A person talking to the assortment bot in Telegram (seed 000 telegram_users). */
@Entity
@Table(name = "telegram_user")
public class TelegramUser extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Telegram's chat id; negative for group chats. One user per chat. */
    @Column(name = "chat_id")
    public long chatId;

    /** Where the bot's conversation with this user stands; the bot defines the numbers. */
    @Column(name = "status_id")
    public int statusId;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Column(name = "updated_at")
    public Instant updatedAt = Instant.now();

    static Optional<TelegramUser> findByChatId(long chatId) {
        return find("chatId", chatId).firstResultOptional();
    }
}
