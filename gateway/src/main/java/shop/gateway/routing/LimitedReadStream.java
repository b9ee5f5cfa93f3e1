package shop.gateway.routing;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * Passes a request body through while counting it; past {@code limit} bytes it stops passing data
 * and reports {@link BodyTooLargeException} to whoever reads it (the proxy, which then resets the
 * upstream request). Needed for bodies without a Content-Length (chunked), whose size Quarkus'
 * {@code max-body-size} check cannot see up front when the body is streamed rather than buffered.
 */
final class LimitedReadStream implements ReadStream<Buffer> {

    static final class BodyTooLargeException extends RuntimeException {
        BodyTooLargeException(long limit) {
            super("request body larger than " + limit + " bytes", null, false, false);
        }
    }

    private final ReadStream<Buffer> source;
    private final long limit;
    private long received;
    private volatile boolean exceeded;
    private Handler<Buffer> dataHandler;
    private Handler<Throwable> exceptionHandler;
    private Runnable beforeFirstChunk;

    long limit() {
        return limit;
    }

    LimitedReadStream(ReadStream<Buffer> source, long limit) {
        this.source = source;
        this.limit = limit;
    }

    boolean exceeded() {
        return exceeded;
    }

    /** Runs once, just before the first chunk is passed on (not at all for a body without data). */
    LimitedReadStream beforeFirstChunk(Runnable action) {
        this.beforeFirstChunk = action;
        return this;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        source.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        this.dataHandler = handler;
        source.handler(handler == null ? null : this::onData);
        return this;
    }

    private void onData(Buffer chunk) {
        if (exceeded) {
            return;
        }
        received += chunk.length();
        if (received > limit) {
            exceeded = true;
            Handler<Throwable> onError = exceptionHandler;
            if (onError != null) {
                onError.handle(new BodyTooLargeException(limit));
            }
            return;
        }
        Runnable first = beforeFirstChunk;
        if (first != null) {
            beforeFirstChunk = null;
            first.run();
        }
        Handler<Buffer> handler = dataHandler;
        if (handler != null) {
            handler.handle(chunk);
        }
    }

    @Override
    public ReadStream<Buffer> pause() {
        source.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        source.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        source.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        source.endHandler(endHandler == null ? null : v -> {
            if (!exceeded) {
                endHandler.handle(v);
            }
        });
        return this;
    }
}
