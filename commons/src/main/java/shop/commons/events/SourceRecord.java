package shop.commons.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Where a record came from and what it held: all a dead letter needs to name and replay it. */
public record SourceRecord(String topic, int partition, long offset, String key, String value) {
    public static SourceRecord of(ConsumerRecord<String, String> record) {
        return new SourceRecord(record.topic(), record.partition(), record.offset(), record.key(), record.value());
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset + (key == null ? "" : " (key " + key + ")");
    }
}
