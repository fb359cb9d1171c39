package dev.ami.persistence.manager;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ETags of states shown as named values ({@code [general]} settings, templates): the same values, the same tag. */
public final class Digests {

    private Digests() {
    }

    /**
     * SHA-256 over what they are of and every name with its value, each length-prefixed, base64url.
     *
     * @param what   what the values are of (a file, a template)
     * @param values the values
     * @return the tag
     */
    public static String of(String what, Map<String, Object> values) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("", what);
            all.putAll(values);
            all.forEach((name, value) -> {
                text(sha, name);
                text(sha, value instanceof List<?> list ? String.valueOf(list.size()) : String.valueOf(value));
                if (value instanceof List<?> list) {
                    list.forEach(item -> text(sha, String.valueOf(item)));
                }
            });
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void text(MessageDigest sha, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
    }
}
