package dev.ami.persistence.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {

    @TempDir
    Path dataDir;

    @Test
    void roundTripsWithAFreshIvEachTime() throws Exception {
        SecretCipher cipher = SecretCipher.inDataDir(dataDir);
        String a = cipher.encrypt("s3cret");
        String b = cipher.encrypt("s3cret");
        assertNotEquals(a, b);
        assertFalse(a.contains("s3cret"));
        assertTrue(SecretCipher.isEncrypted(a));
        assertEquals("s3cret", cipher.decrypt(a));
        assertEquals("", cipher.decrypt(cipher.encrypt("")));
        assertNull(cipher.encrypt(null));
    }

    @Test
    void theKeyFileIsMadeOnceOwnerOnlyAndReused() throws Exception {
        String sealed = SecretCipher.inDataDir(dataDir).encrypt("x");
        Path key = dataDir.resolve(SecretCipher.KEY_FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals("x", SecretCipher.inDataDir(dataDir).decrypt(sealed));
    }

    @Test
    void aDataFolderMadeForTheKeyIsOwnerOnly(@TempDir Path parent) throws Exception {
        Path fresh = parent.resolve("data");
        SecretCipher.inDataDir(fresh);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
    }

    @Test
    void anotherKeyOrATamperedValueIsRefusedWithoutRevealingAnything(@TempDir Path other) throws Exception {
        String sealed = SecretCipher.inDataDir(dataDir).encrypt("s3cret");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SecretCipher.inDataDir(other).decrypt(sealed));
        assertFalse(e.getMessage().contains("s3cret"));
        String tampered = sealed.substring(0, sealed.length() - 4) + "AAAA";
        assertThrows(IllegalStateException.class, () -> SecretCipher.inDataDir(dataDir).decrypt(tampered));
    }

    @Test
    void aCorruptKeyFileIsNamed() throws Exception {
        Files.writeString(dataDir.resolve(SecretCipher.KEY_FILE), "not a key");
        assertTrue(assertThrows(java.io.IOException.class, () -> SecretCipher.inDataDir(dataDir)).getMessage()
                .contains(SecretCipher.KEY_FILE));
    }
}
