package shop.devstack.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

    @TempDir
    Path dir;

    @Test
    void killEndsTheProcessAtOnceWithSigkill() throws Exception {
        // a shell that would ignore SIGTERM: only SIGKILL ends it
        ChildProcess child = ChildProcess.start("stubborn", List.of("sh", "-c", "trap '' TERM; exec sleep 60"),
                Map.of(), dir, dir.resolve("stubborn.log"), null);
        long pid = child.pid();

        child.kill();

        assertFalse(child.isAlive());
        assertFalse(Signals.isRunning(pid));
        assertEquals(128 + 9, child.exitValue(), "killed by signal 9");
    }
}
