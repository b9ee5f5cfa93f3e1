package shop.commons.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A record one of the service's consumers could not apply (table {@code dead_letter}, commons migration
 * V0_2). Written by {@link DeadLetters#record}; rows are inserted there with SQL, read and updated here.
 */
@Entity
@DynamicUpdate
@Table(name = "dead_letter")
public class DeadLetter {
    @Id
    public Long id;

    @Column(nullable = false)
    public String consumer;

    @Column(nullable = false)
    public String topic;

    @Column(name = "record_partition", nullable = false)
    public int partition;

    @Column(name = "record_offset", nullable = false)
    public long offset;

    @Column(name = "record_key")
    public String key;

    /** The record's value exactly as it was read: what a replay hands to the consumer again. */
    @Column(name = "record_value", nullable = false)
    public String value;

    /** Null for a record that is not an event envelope. */
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "event_type")
    public String eventType;

    @Column(name = "error_class", nullable = false)
    public String errorClass;

    @Column(name = "error_message")
    public String errorMessage;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "failed_at", nullable = false)
    public Instant failedAt;

    @Column(name = "replayed_at")
    public Instant replayedAt;

    @Column(name = "replayed_by")
    public String replayedBy;

    @Column(name = "discarded_at")
    public Instant discardedAt;

    @Column(name = "discarded_by")
    public String discardedBy;

    @Column(name = "last_replay_error")
    public String lastReplayError;

    public boolean open() {
        return replayedAt == null && discardedAt == null;
    }
}
