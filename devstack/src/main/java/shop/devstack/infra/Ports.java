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

    /** A port that is free on 127.0.0.1 right now (another process may still take it later). */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on 127.0.0.1", e);
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
