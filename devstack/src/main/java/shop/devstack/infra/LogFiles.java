package shop.devstack.infra;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reading bits of log files for readiness checks and error messages. */
public final class LogFiles {

    private LogFiles() {
    }

    /** The last {@code lines} lines of the file (at most the last 64 KB), or a note if unreadable. */
    public static String tail(Path file, int lines) {
        String text = readFrom(file, Math.max(0, size(file) - 65536));
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** The file's size in bytes, 0 when it does not exist. */
    public static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The text written to the file after byte {@code offset}. */
    public static String readFrom(Path file, long offset) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length <= offset) {
                return "";
            }
            in.seek(offset);
            byte[] bytes = new byte[(int) Math.min(length - offset, 16 << 20)];
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    /** Moves the file to {@code <name>.1} (replacing an older one) when it has grown past {@code maxBytes}. */
    public static void rotateIfLarger(Path file, long maxBytes) throws IOException {
        if (size(file) > maxBytes) {
            Files.move(file, file.resolveSibling(file.getFileName() + ".1"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
