package dev.ami.admin.login;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The name and secret of an HTTP Basic {@code Authorization} header (RFC 7617), read as UTF-8,
 * the charset the challenge announces.
 *
 * @param username the part before the first colon
 * @param secret   the rest
 */
record BasicCredentials(String username, String secret) {

    private static final String SCHEME = "Basic ";

    /**
     * @param header the {@code Authorization} header, or null
     * @return the credentials; empty when there is no header or it names another scheme (nothing
     *         was offered)
     * @throws IllegalArgumentException when a Basic header is not base64 of UTF-8 text with a colon
     */
    static Optional<BasicCredentials> parse(String header) {
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String decoded = utf8(Base64.getDecoder().decode(header.substring(SCHEME.length()).strip()));
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("no colon between name and secret");
        }
        return Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }

    /** Strict: a byte sequence that is not UTF-8 is refused rather than turned into U+FFFD, which a secret might hold. */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8", e);
        }
    }

    /** Keeps the secret out of logs. */
    @Override
    public String toString() {
        return "BasicCredentials[username=" + username + ", secret=****]";
    }
}
