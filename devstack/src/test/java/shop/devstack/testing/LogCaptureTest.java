package shop.devstack.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class LogCaptureTest {
    @Test
    void seesMessagesParametersAndEveryCauseWhileOpen() {
        Logger logger = Logger.getLogger("shop.devstack.testing.LogCaptureTest");
        LogRecord printf = new LogRecord(Level.SEVERE, "could not send %s: %s");
        printf.setParameters(new Object[]{"order 7", "ConnectException"});
        printf.setLoggerName(logger.getName());
        try (LogCapture log = LogCapture.start()) {
            logger.log(printf);
            logger.log(Level.WARNING, "payment {0} failed", "p-1");
            logger.log(Level.SEVERE, "boom", new IllegalStateException("outer", new IOException("secret-in-cause")));
            assertTrue(log.anyMatch(l -> l.contains("could not send order 7: ConnectException")), log.lines().toString());
            assertTrue(log.anyMatch(l -> l.contains("payment p-1 failed")), log.lines().toString());
            assertTrue(log.anyMatch(l -> l.contains("secret-in-cause")), log.lines().toString());
            assertEquals(3, log.lines().stream().filter(l -> l.contains(logger.getName())).count());
        }
        try (LogCapture later = LogCapture.start()) {
            later.close();
            logger.severe("after close");
            assertFalse(later.anyMatch(l -> l.contains("after close")));
        }
    }
}
