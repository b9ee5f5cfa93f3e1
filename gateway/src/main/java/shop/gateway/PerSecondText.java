package shop.gateway;

import java.util.function.LongFunction;

/**
 * A text that depends only on a whole second (a date in a header, the date and time of day of an event),
 * formatted once per second instead of for every request: formatters were a few percent of the gateway's
 * CPU per request. Thread-safe: the last second and its text are replaced together.
 */
public final class PerSecondText {
    private final LongFunction<String> format;
    private volatile Entry last = new Entry(Long.MIN_VALUE, null);

    private record Entry(long epochSecond, String text) {
    }

    /** {@code format} turns seconds since the epoch into the text. */
    public PerSecondText(LongFunction<String> format) {
        this.format = format;
    }

    /** The text of that second. */
    public String of(long epochSecond) {
        Entry entry = last;
        if (entry.epochSecond() != epochSecond) {
            entry = new Entry(epochSecond, format.apply(epochSecond));
            last = entry;
        }
        return entry.text();
    }
}
