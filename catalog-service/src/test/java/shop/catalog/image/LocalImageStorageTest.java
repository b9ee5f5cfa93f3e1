package shop.catalog.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local store keeps files under its directory only, whatever key it is handed. */
class LocalImageStorageTest {
    @TempDir
    Path temp;

    @Test
    void storesReadsAndDeletesByGeneratedKey() throws IOException {
        LocalImageStorage storage = new LocalImageStorage(temp.resolve("images"));
        String key = ImageKeys.original(UUID.randomUUID(), ImageType.PNG);
        storage.put(key, new byte[] {1, 2, 3}, "image/png");
        assertTrue(Files.exists(temp.resolve("images").resolve(key)));
        try (InputStream in = storage.get(key).orElseThrow().content()) {
            assertArrayEquals(new byte[] {1, 2, 3}, in.readAllBytes());
        }
        storage.delete(key);
        assertTrue(storage.get(key).isEmpty());
        storage.delete(key); // deleting twice is fine
        try (var files = Files.list(temp.resolve("images"))) {
            assertEquals(0, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void refusesKeysThatAreNotGeneratedOnesOrLeaveTheDirectory() throws IOException {
        Path secret = Files.writeString(temp.resolve("secret.txt"), "secret");
        LocalImageStorage storage = new LocalImageStorage(temp.resolve("images"));
        String uuid = UUID.randomUUID().toString();
        for (String key : List.of("../secret.txt", "..", ".", "", "/etc/passwd", secret.toString(),
                "%2e%2e%2fsecret.txt", "..%2fsecret.txt", "..\\secret.txt", uuid + "/../../secret.txt",
                "../" + uuid + ".jpg", uuid + ".jpg/..", uuid + ".txt", uuid + ".jpg\u0000.png", "sub/" + uuid + ".jpg")) {
            assertThrows(IllegalArgumentException.class, () -> storage.get(key), key);
            assertThrows(IllegalArgumentException.class, () -> storage.put(key, new byte[] {1}, "image/png"), key);
            assertThrows(IllegalArgumentException.class, () -> storage.delete(key), key);
        }
        assertTrue(Files.exists(secret));
        assertEquals("secret", Files.readString(secret));
        try (var files = Files.list(temp.resolve("images"))) {
            assertFalse(files.findAny().isPresent());
        }
    }
}
