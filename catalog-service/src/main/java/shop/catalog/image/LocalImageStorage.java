package shop.catalog.image;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** Files in one directory, named by their keys. The default store (one catalog instance, or a shared volume). */
public final class LocalImageStorage implements ImageStorage {
    private final Path root;

    public LocalImageStorage(Path dir) throws IOException {
        Files.createDirectories(dir);
        this.root = dir.toRealPath();
    }

    public Path root() {
        return root;
    }

    @Override
    public void put(String key, byte[] content, String contentType) throws IOException {
        Path target = resolve(key);
        // written beside the target and moved in one step: a reader never sees half a file
        Path temp = Files.createTempFile(root, ".upload-", ".tmp");
        try {
            Files.write(temp, content);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public Optional<StoredFile> get(String key) throws IOException {
        Path file = resolve(key);
        try {
            return Optional.of(new StoredFile(Files.newInputStream(file), Files.size(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(resolve(key));
    }

    /**
     * Defence in depth: keys come from {@link ImageKeys}, but a key that has another shape or would
     * resolve outside the directory (../, an absolute path) is refused before the file system sees it.
     */
    Path resolve(String key) {
        ImageKeys.require(key);
        Path file = root.resolve(key).normalize();
        if (!file.getParent().equals(root)) {
            throw new IllegalArgumentException("key outside the image directory: " + key);
        }
        return file;
    }
}
