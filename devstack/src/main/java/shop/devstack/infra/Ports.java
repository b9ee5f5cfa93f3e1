package shop.devstack.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Loopback ports: finding a free one, checking whether one is taken. */
public final class Ports {

    private Ports() {
    }

    /** Below this the kernel never hands out source ports of outgoing connections (Linux default). */
    private static final int DEFAULT_EPHEMERAL_START = 32768;
    private static final int LOWEST = 10000;
    private static final java.util.Random RANDOM = new java.util.Random();

    /**
     * A port that is free on 127.0.0.1 right now (another process may still take it later), chosen
     * below the kernel's ephemeral range: a port from that range may become the source port of any
     * outgoing connection (JDBC, Kafka, HTTP) between choosing it and binding it, which made a stack
     * start fail now and then with "address already in use".
     */
    public static int free() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = LOWEST + RANDOM.nextInt(ephemeralStart() - LOWEST);
            if (canBind(port)) {
                return port;
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on 127.0.0.1", e);
        }
    }

    /** True when nothing listens on the port and it can be bound on 127.0.0.1 now. */
    public static boolean canBind(int port) {
        if (isListening(port)) {
            return false;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The first port of the kernel's range for outgoing connections' source ports. */
    public static int ephemeralStart() {
        // read as a stream: procfs reports a size that Files.readString trusts and reads too little of
        try (var reader = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
            int start = Integer.parseInt(reader.readLine().trim().split("\\s+")[0]);
            return Math.max(start, LOWEST + 1000);
        } catch (IOException | RuntimeException e) {
            return DEFAULT_EPHEMERAL_START;
        }
    }

    /** True when something accepts connections on 127.0.0.1:port. */
    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails with a helpful message when the port is already in use. */
    public static void requireFree(int port, String what) {
        if (isListening(port)) {
            throw new IllegalStateException("port " + port + " for " + what
                    + " is already in use (is another devstack or test run still running?)");
        }
    }
}
