package shop.devstack.infra;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import shop.devstack.PortPlan;

class PortsTest {

    @Test
    void freePortsAreBindableAndNeverInTheRangeOfOutgoingConnections() throws IOException {
        for (int i = 0; i < 50; i++) {
            int port = Ports.free();
            assertTrue(port < Ports.ephemeralStart(), port + " is in the kernel's ephemeral range");
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertTrue(socket.isBound());
            }
        }
    }

    @Test
    void aPortPlanStaysBelowTheEphemeralRange() {
        for (int i = 0; i < 50; i++) {
            PortPlan plan = PortPlan.randomFree();
            plan.describe().keySet().forEach(port ->
                    assertTrue(port >= 20000 && port < Ports.ephemeralStart(), port + " outside 20000..ephemeral start"));
        }
    }

    @Test
    void aListeningPortCannotBeBound() throws IOException {
        try (ServerSocket taken = new ServerSocket(Ports.free(), 1, InetAddress.getLoopbackAddress())) {
            assertFalse(Ports.canBind(taken.getLocalPort()));
        }
    }
}
