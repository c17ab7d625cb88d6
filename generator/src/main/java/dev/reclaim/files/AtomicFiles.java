package dev.reclaim.files;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The one way the compiler replaces a user's file (generated code, docs, baselines, reports): a
 * reader never sees half a file, and a failed write leaves the old file as it was.
 */
public final class AtomicFiles {
    private static final Set<PosixFilePermission> NEW_FILE = PosixFilePermissions.fromString("rw-r--r--");

    private AtomicFiles() {
    }

    /**
     * Writes {@code bytes} to a temporary file in {@code target}'s directory (created if missing) and
     * moves it over {@code target}, atomically where the file system can. The file keeps the
     * replaced file's permissions, or gets rw-r--r-- when new: a temporary file is owner-only,
     * which generated sources and docs must not be.
     */
    public static void replace(Path target, byte[] bytes) throws IOException {
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            // A move would replace an empty directory: never turn a user's folder into a file.
            throw new IOException("'" + target + "' is a directory");
        }
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + "-", ".tmp");
        try {
            Files.write(tmp, bytes);
            permissions(tmp, target);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void permissions(Path tmp, Path target) {
        try {
            Files.setPosixFilePermissions(tmp, Files.exists(target) ? Files.getPosixFilePermissions(target) : NEW_FILE);
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system: the defaults are all there is
        }
    }
}
