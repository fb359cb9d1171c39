package dev.ami.persistence.conf;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/**
 * Resolves {@code #include} names against the configuration folder, and only inside it: a name is
 * refused when it leaves the folder once normalised ({@code ../x}, {@code /etc/x}) or once its
 * symbolic links are followed (a link in the folder to a file outside), whether or not the file
 * exists, so that an include can neither read a file outside nor tell whether one exists. Asterisk
 * restricts the configuration paths its manager reads in the same way (main/manager.c,
 * is_restricted_file: the real path must begin with the configuration folder).
 */
final class ConfigFolder implements AsteriskConfigParser.IncludeResolver {

    /** The one reason an include outside is refused; it names nothing about the target. */
    static final String OUTSIDE = "outside the configuration folder; includes are read only from there";

    private final Path dir;

    ConfigFolder(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    @Override
    public List<AsteriskConfigParser.IncludedFile> resolve(String name) throws IOException {
        try {
            return resolveInside(name);
        } catch (IllegalArgumentException e) {
            // an invalid path (a NUL in the name), or a glob pattern that does not compile
            throw new IOException("not a file name or pattern", e);
        }
    }

    private List<AsteriskConfigParser.IncludedFile> resolveInside(String name) throws IOException {
        Path target = dir.resolve(name).normalize();
        if (!target.startsWith(dir)) {
            throw new IOException(OUTSIDE);
        }
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        Path realDir = dir.toRealPath();
        boolean glob = name.contains("*") || name.contains("?") || name.contains("[");
        if (!glob) {
            requireInside(target, realDir);
            return Files.isRegularFile(target) ? List.of(read(name, target)) : List.of();
        }
        Path parent = target.getParent();
        requireInside(parent, realDir);
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + target);
        List<AsteriskConfigParser.IncludedFile> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(parent)) {
            for (Path p : list.filter(matcher::matches).sorted().toList()) {
                requireInside(p, realDir);
                if (Files.isRegularFile(p)) {
                    files.add(read(dir.relativize(p).toString(), p));
                }
            }
        }
        return files;
    }

    private static void requireInside(Path path, Path realDir) throws IOException {
        if (!realPath(path).startsWith(realDir)) {
            throw new IOException(OUTSIDE);
        }
    }

    /** The real path of the part that exists, followed by the names that do not exist (yet). */
    private static Path realPath(Path path) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            missing.push(existing.getFileName());
            existing = existing.getParent();
        }
        Path real = existing == null ? path.getRoot() : existing.toRealPath();
        while (!missing.isEmpty()) {
            real = real.resolve(missing.pop());
        }
        return real.normalize();
    }

    /** Reads a file; a failure says what went wrong, never the file's path or content. */
    private static AsteriskConfigParser.IncludedFile read(String name, Path file) throws IOException {
        try {
            return new AsteriskConfigParser.IncludedFile(name, Files.readString(file, StandardCharsets.UTF_8));
        } catch (CharacterCodingException e) {
            throw new IOException("not UTF-8 text", e);
        } catch (IOException e) {
            throw new IOException("cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}
