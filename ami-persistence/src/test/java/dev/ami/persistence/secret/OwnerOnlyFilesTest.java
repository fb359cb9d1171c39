package dev.ami.persistence.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files holding secrets are the owner's alone, from their first byte. */
class OwnerOnlyFilesTest {

    @TempDir
    Path dir;

    private static String permissions(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void newFoldersAndFilesAreOwnerOnlyAndAnOpenFolderIsClosed() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path fresh = dir.resolve("a/backups");
        OwnerOnlyFiles.createFolder(fresh);
        assertEquals("rwx------", permissions(fresh));
        OwnerOnlyFiles.create(fresh.resolve("manager.conf.1"), "secret = x\n");
        assertEquals("rw-------", permissions(fresh.resolve("manager.conf.1")));
        assertEquals("secret = x\n", Files.readString(fresh.resolve("manager.conf.1")));

        // a folder an older version made readable to everyone
        Path old = Files.createDirectory(dir.resolve("old"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        OwnerOnlyFiles.createFolder(old);
        assertEquals("rwx------", permissions(old));
    }

    @Test
    void aRestrictedFolderIsTheOwnersWithEveryFileInItButWhatALinkPointsTo() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path data = Files.createDirectory(dir.resolve("data"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        // as H2 makes its database with the default umask
        Path database = Files.createFile(data.resolve("ami.mv.db"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-r--r--")));
        Path outside = Files.createFile(dir.resolve("elsewhere.txt"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-r--r--")));
        Files.createSymbolicLink(data.resolve("link"), outside);

        OwnerOnlyFiles.restrictFolder(data);
        assertEquals("rwx------", permissions(data));
        assertEquals("rw-------", permissions(database));
        assertEquals("rw-r--r--", permissions(outside), "a link is not followed out of the folder");

        Path fresh = dir.resolve("new/data");
        OwnerOnlyFiles.restrictFolder(fresh);
        assertEquals("rwx------", permissions(fresh));
    }

    @Test
    void aFileIsWrittenWholeUnderATemporaryNameThatAKilledWriteLeavesForTheNextToRemove() throws Exception {
        Path key = dir.resolve("secret.key");
        // what a server killed half-way through an earlier write left: a short temporary file
        Path leftover = Files.writeString(dir.resolve(".secret.key.0b1e.partial"), "shor");
        Files.setLastModifiedTime(leftover, FileTime.from(Instant.now().minusSeconds(3600)));
        Path recent = Files.writeString(dir.resolve(".manager.conf.1.9c2d.partial"), "being written");

        OwnerOnlyFiles.create(key, "0123456789");
        assertEquals("0123456789", Files.readString(key));
        assertFalse(Files.exists(leftover), "an old leftover is removed");
        assertTrue(Files.exists(recent), "a write that may still be going on is left alone");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(".manager.conf.1.9c2d.partial", "secret.key"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }

        assertThrows(FileAlreadyExistsException.class, () -> OwnerOnlyFiles.create(key, "another key"));
        assertEquals("0123456789", Files.readString(key), "an existing file is never replaced");
    }
}
