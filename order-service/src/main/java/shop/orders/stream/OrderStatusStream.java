package shop.orders.stream;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import java.util.function.Consumer;

/**
 * The status stream of one client for one order: newer statuses go out in order, older or repeated
 * ones (the same change heard from the in-process event and from the database re-check) are dropped, and
 * the stream completes after a final status. Signals offered before the HTTP layer subscribes are kept
 * until it does; nothing here blocks or holds a thread.
 */
final class OrderStatusStream {
    /** What the stream sends: a status, or a heartbeat (an SSE comment that keeps proxies from closing it). */
    sealed interface Signal permits Status, Heartbeat {
    }

    record Status(OrderStatusView view) implements Signal {
    }

    record Heartbeat() implements Signal {
    }

    private static final Heartbeat HEARTBEAT = new Heartbeat();

    final long orderId;
    private final UnicastProcessor<Signal> processor = UnicastProcessor.create();
    private final Multi<Signal> signals;
    private long version = -1;
    private boolean done;

    OrderStatusStream(long orderId, Consumer<OrderStatusStream> onEnd) {
        this.orderId = orderId;
        // completed, failed or cancelled (the client went away): the registry forgets the stream
        this.signals = processor.onTermination().invoke(() -> {
            end();
            onEnd.accept(this);
        });
    }

    Multi<Signal> signals() {
        return signals;
    }

    /** Sends the status if it is newer than the last one sent; completes the stream after a final one. */
    synchronized void offer(OrderStatusView view) {
        if (done || view.version() <= version) {
            return;
        }
        version = view.version();
        processor.onNext(new Status(view));
        if (view.last()) {
            done = true;
            processor.onComplete();
        }
    }

    synchronized void heartbeat() {
        if (!done) {
            processor.onNext(HEARTBEAT);
        }
    }

    /** Ends the stream without a further signal (it was never handed to a client). */
    synchronized void end() {
        if (!done) {
            done = true;
            processor.onComplete();
        }
    }
}
