package dev.reclaim.gen.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import dev.reclaim.files.AtomicFiles;

/**
 * Writes generated files below their output roots. Every target is resolved and checked to lie
 * inside its root before anything is written (a file that would land outside is refused, and so is
 * the whole run); each file is written to a temporary file in its own directory and moved over the
 * target atomically, so a reader never sees half a file; a file whose content is already the same
 * is left alone, keeping its modification time for incremental builds.
 */
public final class OutputWriter {
    /** A write the writer refuses or cannot do; nothing after the failing file is written. */
    public static final class WriteException extends Exception {
        private static final long serialVersionUID = 1L;

        WriteException(String message) {
            super(message);
        }
    }

    /** A file to write: {@code relative} below {@code root}. */
    public record Target(Path root, String relative, String text) {
    }

    /** What a run did. */
    public record Outcome(int written, int unchanged, int pruned) {
    }

    /** Checks every target first (so a refused path writes nothing), then writes them in order. */
    public Outcome write(List<Target> targets) throws WriteException {
        return write(targets, null);
    }

    /**
     * As {@link #write(List)}, then, when {@code generatedMark} is given, deletes every other
     * {@code .java} file below the targets' roots that begins with that mark: the classes of systems
     * or policies that were renamed or removed, which would otherwise still compile. Files without
     * the mark, and symbolic links, are never touched.
     */
    public Outcome write(List<Target> targets, String generatedMark) throws WriteException {
        List<Path> paths = new ArrayList<>();
        for (Target t : targets) {
            paths.add(resolve(t));
        }
        int written = 0;
        int unchanged = 0;
        for (int i = 0; i < targets.size(); i++) {
            Path path = paths.get(i);
            byte[] bytes = targets.get(i).text().getBytes(StandardCharsets.UTF_8);
            try {
                if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
                        && java.util.Arrays.equals(Files.readAllBytes(path), bytes)) {
                    unchanged++;
                    continue;
                }
                AtomicFiles.replace(path, bytes);
                written++;
            } catch (IOException | RuntimeException e) {
                throw new WriteException("cannot write '" + path + "': " + e.getMessage());
            }
        }
        int pruned = generatedMark == null ? 0 : prune(targets, Set.copyOf(paths), generatedMark);
        return new Outcome(written, unchanged, pruned);
    }

    private static int prune(List<Target> targets, Set<Path> kept, String mark) throws WriteException {
        Set<Path> roots = new TreeSet<>();
        for (Target t : targets) {
            roots.add(t.root().toAbsolutePath().normalize());
        }
        int pruned = 0;
        for (Path root : roots) {
            List<Path> stale;
            try (Stream<Path> walk = Files.walk(root)) {
                stale = walk.filter(p -> p.toString().endsWith(".java") && !kept.contains(p)
                        && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
            } catch (IOException e) {
                throw new WriteException("cannot list '" + root + "': " + e.getMessage());
            }
            for (Path p : stale) {
                try {
                    if (startsWith(p, mark)) {
                        Files.delete(p);
                        pruned++;
                    }
                } catch (IOException e) {
                    throw new WriteException("cannot delete '" + p + "': " + e.getMessage());
                }
            }
        }
        return pruned;
    }

    private static boolean startsWith(Path p, String mark) throws IOException {
        byte[] want = mark.getBytes(StandardCharsets.UTF_8);
        try (var in = Files.newInputStream(p)) {
            return java.util.Arrays.equals(in.readNBytes(want.length), want);
        }
    }

    /**
     * The absolute target, refused when it leaves the root: the relative path must be plain
     * (no {@code ..}, not absolute), and no directory on the way may be a symbolic link that points
     * elsewhere.
     */
    static Path resolve(Target t) throws WriteException {
        Path root = t.root().toAbsolutePath().normalize();
        Path rel = Path.of(t.relative());
        Path path = root.resolve(rel).normalize();
        if (rel.isAbsolute() || !path.startsWith(root) || path.equals(root)) {
            throw new WriteException("refusing to write '" + t.relative() + "': it is outside '" + t.root() + "'");
        }
        try {
            Path realRoot = Files.exists(root) ? root.toRealPath() : root;
            for (Path dir = path.getParent(); dir != null && dir.startsWith(root) && !dir.equals(root);
                    dir = dir.getParent()) {
                if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !dir.toRealPath().startsWith(realRoot)) {
                    throw new WriteException("refusing to write '" + path + "': '" + dir + "' leads outside '"
                            + t.root() + "'");
                }
            }
            if (Files.isSymbolicLink(path)) {
                throw new WriteException("refusing to write '" + path + "': it is a symbolic link");
            }
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                throw new WriteException("cannot write '" + path + "': it is a directory");
            }
        } catch (IOException e) {
            throw new WriteException("cannot write '" + path + "': " + e.getMessage());
        }
        return path;
    }

}
