package shop.customers.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP forwarder standing between the service and the legacy database, to make its
 * connection failures deterministic: the next {@link #dropNext n} connections are closed at once
 * (the driver sees a failed connection attempt), and while the gate is shut a connection waits
 * before it is forwarded, so a test can look at a job that is running.
 */
final class FlakyTcpForwarder implements AutoCloseable {
    private final ServerSocket server;
    private final int upstreamPort;
    private final AtomicInteger toDrop = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    FlakyTcpForwarder(int port, int upstreamPort) throws IOException {
        this.server = new ServerSocket();
        this.server.setReuseAddress(true);
        this.server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        this.upstreamPort = upstreamPort;
        Thread acceptor = new Thread(this::acceptLoop, "flaky-forwarder-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Closes the next {@code n} connections right after accepting them. */
    void dropNext(int n) {
        toDrop.set(n);
    }

    /** Connections after this wait (up to a minute) until {@link #open()}. */
    void shut() {
        gate = new CountDownLatch(1);
    }

    void open() {
        gate.countDown();
    }

    int accepted() {
        return accepted.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                accepted.incrementAndGet();
                sockets.add(client);
                if (toDrop.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    client.close();
                    continue;
                }
                CountDownLatch waitFor = gate;
                Thread connector = new Thread(() -> forward(client, waitFor), "flaky-forwarder-connection");
                connector.setDaemon(true);
                connector.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void forward(Socket client, CountDownLatch waitFor) {
        try {
            if (!waitFor.await(1, TimeUnit.MINUTES)) {
                client.close();
                return;
            }
            Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
            sockets.add(upstream);
            pump(client.getInputStream(), upstream.getOutputStream(), upstream);
            pump(upstream.getInputStream(), client.getOutputStream(), client);
        } catch (IOException | InterruptedException e) {
            closeQuietly(client);
        }
    }

    private static void pump(InputStream from, OutputStream to, Socket toSocket) {
        Thread thread = new Thread(() -> {
            try {
                from.transferTo(to);
            } catch (IOException e) {
                // one side closed
            } finally {
                closeQuietly(toSocket);
            }
        }, "flaky-forwarder-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    @Override
    public void close() throws IOException {
        open();
        server.close();
        sockets.forEach(FlakyTcpForwarder::closeQuietly);
    }
}
