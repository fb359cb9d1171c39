package dev.ami.server.http;

import dev.ami.api.connector.Account;
import dev.ami.api.http.HttpManagerReply;
import dev.ami.api.message.Header;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * HTTP Digest for the manager's digest forms, as main/manager.c (auth_http_callback) computes and
 * main/http.c (ast_http_auth) asks for it.
 */
final class HttpDigest {

    /**
     * The realm. Asterisk uses asterisk.conf's {@code systemname} when one is set, else
     * {@code asterisk} (main/manager.c, __init_manager: global_realm); ami has no systemname.
     */
    static final String REALM = "asterisk";

    /** A nonce older than this many whole seconds is renewed with a stale 401 (auth_http_callback). */
    static final long NONCE_SECONDS = 62;

    /** Length of an MD5 hex digest: Asterisk compares only that many characters of the response. */
    private static final int HASH_LENGTH = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private HttpDigest() {
    }

    /** @return a new nonce, as ast_random gives: non-negative and below 2^31 (and here never 0) */
    static long newNonce() {
        return 1 + RANDOM.nextInt(Integer.MAX_VALUE);
    }

    /** @return the nonce as the challenge writes it and the response hashes it ({@code %08lx}) */
    static String hex(long nonce) {
        return String.format("%08x", nonce);
    }

    /**
     * The response the client must have sent: MD5(HA1:nonce:nc:cnonce:auth:HA2) with qop (RFC 2617),
     * MD5(HA1:nonce:HA2) without (RFC 2069); HA1 = MD5(user:realm:secret) with the account's name as
     * configured, HA2 = MD5(method:uri) with the uri the client sent.
     */
    static String expectedResponse(Account account, DigestAuthorization digest, long nonce, String method) {
        String ha1 = md5Hex(account.username() + ":" + REALM + ":" + account.secret());
        String ha2 = md5Hex(method + ":" + digest.uri());
        return md5Hex(digest.qop()
                ? ha1 + ":" + hex(nonce) + ":" + digest.nc() + ":" + digest.cnonce() + ":auth:" + ha2
                : ha1 + ":" + hex(nonce) + ":" + ha2);
    }

    /**
     * Asterisk compares with {@code strncasecmp(response, expected, 32)}: without regard to case, and
     * only the first 32 characters of what the client sent.
     */
    static boolean matches(String response, String expected) {
        return response.length() >= HASH_LENGTH && response.regionMatches(true, 0, expected, 0, HASH_LENGTH);
    }

    /**
     * The 401 of ast_http_auth: its {@code WWW-authenticate} header (that spelling), with the same
     * value as nonce and opaque, and the error page without text.
     */
    static HttpManagerReply unauthorized(long nonce, boolean stale, String serverName) {
        String challenge = "Digest algorithm=MD5, realm=\"" + REALM + "\", nonce=\"" + hex(nonce)
                + "\", qop=\"auth\", opaque=\"" + hex(nonce) + "\"" + (stale ? ", stale=true" : "");
        return new HttpManagerReply(401, "Unauthorized", List.of(new Header("Cache-Control", "no-cache, no-store"),
                new Header("WWW-authenticate", challenge), new Header("Content-type", "text/html")),
                HttpErrorPage.page(401, "Unauthorized", "", serverName));
    }

    private static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java runtime", e);
        }
    }
}
