package dev.ami.persistence.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
}
