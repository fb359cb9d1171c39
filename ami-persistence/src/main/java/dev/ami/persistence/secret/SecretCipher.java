package dev.ami.persistence.secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts account secrets for the database with AES-256-GCM. The key lives outside the database,
 * in a file of the data folder made on first use and readable by its owner only; a copy of the
 * database alone does not reveal any secret. Stored form: {@code v1:} + base64(IV ‖ ciphertext ‖ tag).
 *
 * <p>Secrets must stay recoverable, not hashed: Challenge/MD5 logins need the clear secret.
 */
public final class SecretCipher {

    /** The file name of the key in the data folder. */
    public static final String KEY_FILE = "secret.key";

    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    private SecretCipher(SecretKey key) {
        this.key = key;
    }

    /**
     * Loads the key from the data folder, creating it (owner read/write only) on first use.
     *
     * @param dataDir the data folder
     * @return the cipher
     * @throws IOException if the key cannot be read or written, or is not a key
     */
    public static SecretCipher inDataDir(Path dataDir) throws IOException {
        Path file = dataDir.resolve(KEY_FILE);
        if (!Files.exists(file)) {
            OwnerOnlyFiles.createFolder(dataDir);
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            try {
                OwnerOnlyFiles.create(file, Base64.getEncoder().encodeToString(fresh));
            } catch (FileAlreadyExistsException raced) {
                // another start made it first: use theirs
            }
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " is not a base64 AES key", e);
        }
        if (raw.length != 32) {
            throw new IOException(file + " holds " + raw.length + " bytes; an AES-256 key has 32");
        }
        return new SecretCipher(new SecretKeySpec(raw, "AES"));
    }

    /** @return true if the stored value is in the encrypted form */
    public static boolean isEncrypted(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** @param secret a clear secret, or null @return its stored form, or null */
    public String encrypt(String secret) {
        if (secret == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required of every Java runtime", e);
        }
    }

    /**
     * @param stored a stored form, or null
     * @return the clear secret, or null
     * @throws IllegalStateException if the value was not made with this key (the message holds no secret)
     */
    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        if (!isEncrypted(stored)) {
            throw new IllegalStateException("a stored secret is not in the encrypted form");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored secret cannot be decrypted with " + KEY_FILE
                    + " (was the key file replaced?)", e);
        }
    }
}
