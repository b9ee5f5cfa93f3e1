package shop.gateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientIdentityTest {

    @Test
    void the_right_most_forwarded_for_entry_is_the_client_when_trusted() {
        assertEquals("10.0.0.2", ClientAddresses.lastForwardedFor(List.of("198.51.100.1, 10.0.0.2")));
        assertEquals("10.0.0.3", ClientAddresses.lastForwardedFor(List.of("198.51.100.1", "10.0.0.3 ")));
        assertNull(ClientAddresses.lastForwardedFor(List.of()));
        assertNull(ClientAddresses.lastForwardedFor(List.of(" , ")));
    }
}
