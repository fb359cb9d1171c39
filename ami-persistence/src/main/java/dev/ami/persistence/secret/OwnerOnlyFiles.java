package dev.ami.persistence.secret;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Files that hold secrets (the secret key, import backups with their clear passwords, the H2
 * database with its encrypted secrets): created readable and writable by the server's own user
 * only, in folders only that user may enter, so the permissions are right from the first byte
 * rather than fixed afterwards.
 */
public final class OwnerOnlyFiles {

    private static final String PARTIAL = ".partial";
    private static final Duration LEFTOVER_AGE = Duration.ofMinutes(1);

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnlyFiles() {
    }

    /**
     * Creates a folder (and missing parents) that only the owner may list and enter; an existing
     * folder is restricted the same way, so files an older version left in it are shut off too.
     *
     * @param dir the folder
     * @throws IOException if it cannot be created or restricted
     */
    public static void createFolder(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            if (POSIX) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
            return;
        }
        if (dir.getParent() != null) {
            Files.createDirectories(dir.getParent());
        }
        if (POSIX) {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectory(dir);
        }
    }

    /**
     * Makes a folder the owner's alone, as {@link #createFolder} does, and restricts every file
     * directly in it to owner read/write: for folders whose files others create (H2 makes its
     * database files with the process's umask, world-readable by default). Links are not followed.
     *
     * @param dir the folder
     * @throws IOException if it cannot be created, listed or restricted
     */
    public static void restrictFolder(Path dir) throws IOException {
        createFolder(dir);
        if (!POSIX) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                }
            }
        }
    }

    /**
     * Creates a new file, owner read/write only, holding this text, whole or not at all: the text
     * is written and forced to disk under a temporary name in the same folder, then linked to its
     * name, so a server killed half-way leaves no short key or backup behind (only a temporary
     * file, which the next write in the folder removes).
     *
     * @param file the file, which must not exist
     * @param text its content, written as UTF-8
     * @throws java.nio.file.FileAlreadyExistsException if it exists
     * @throws IOException if it cannot be written
     */
    public static void create(Path file, String text) throws IOException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(file.toString());
        }
        Path dir = file.toAbsolutePath().getParent();
        removeLeftovers(dir);
        Path partial = dir.resolve("." + file.getFileName() + "." + UUID.randomUUID() + PARTIAL);
        try {
            if (POSIX) {
                Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(partial);
            }
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            try {
                // a link, unlike a rename, fails rather than replace a file another start made meanwhile
                Files.createLink(file, partial);
            } catch (UnsupportedOperationException noLinks) {
                if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                    throw new FileAlreadyExistsException(file.toString());
                }
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            }
            forceFolder(dir);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** The new name on disk too, so that a power cut cannot lose it (a SIGKILL cannot: the kernel has it). */
    private static void forceFolder(Path dir) {
        try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException | UnsupportedOperationException notOnThisSystem) {
            // some systems cannot open a folder this way; the file itself was forced
        }
    }

    /** Temporary files of writes that a killed server never finished (a minute old: not a write in progress). */
    private static void removeLeftovers(Path dir) throws IOException {
        Instant before = Instant.now().minus(LEFTOVER_AGE);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.filter(f -> f.getFileName().toString().endsWith(PARTIAL))::iterator) {
                if (Files.getLastModifiedTime(f, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(before)) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }
}
