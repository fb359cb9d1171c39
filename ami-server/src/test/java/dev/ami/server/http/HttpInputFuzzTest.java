package dev.ami.server.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.server.testing.Allocations;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The HTTP manager's own parsers against generated input (jqwik; 1,000 inputs per property in
 * every build, a million with {@code -Djqwik.tries.default=1000000}): the query and form decoding,
 * the cookie header, the digest Authorization header and the percent-decoder. Each answers every
 * input without an exception and within Asterisk's bounds; what it answers for the recorded bad
 * inputs is asserted in their own tests (HttpParametersTest, HttpDigestTest, HttpManagerServiceTest).
 */
class HttpInputFuzzTest {

    @Property
    void parametersAreDecodedAndTheActionKeepsAtMost128WhateverTheQueryOrBody(@ForAll("method") String method,
            @ForAll("urlish") String query, @ForAll("contentType") String contentType, @ForAll("urlish") String body) {
        List<HttpParameter> parameters = HttpParameters.of(method, query, contentType,
                body.getBytes(StandardCharsets.ISO_8859_1));
        // every pair is kept (the renderings read ajaxdest and ajaxobjtype among them); the action
        // takes the first 128, as astman_append_headers does; the body's 40,960 bytes bound the rest
        assertTrue(HttpParameters.toAction(parameters).lines().size() <= HttpParameters.MAX_HEADERS,
                "at most Asterisk's 128 headers");
    }

    /**
     * No unbounded allocation: decoding a query and a body allocates at most linearly in their
     * length, measured after a warm-up. A parameter costs a few hundred bytes (its record, its
     * decoded name and value, its header line), so a body of 4-byte pairs takes up to about 115
     * bytes per byte; the bound, 256 bytes per byte plus 16 KiB, still fails anything quadratic.
     */
    @Property
    void decodingAllocatesAtMostLinearlyWithTheInput(@ForAll("urlish") String query, @ForAll("urlish") String body) {
        byte[] form = body.getBytes(StandardCharsets.ISO_8859_1);
        long allocated = Allocations.of(() -> HttpParameters.toAction(
                HttpParameters.of("POST", query, "application/x-www-form-urlencoded", form)));
        long length = query.length() + form.length;
        assertTrue(allocated <= 256L * length + 16 * 1024, allocated + " bytes allocated for " + length);
    }

    /** Loads and compiles the decoding, so the allocation property counts decoding alone. */
    @BeforeContainer
    static void warmUp() {
        byte[] form = "action=login&username=admin&secret=x%41y+z&".repeat(50).getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 2_000; i++) {
            HttpParameters.toAction(HttpParameters.of("POST", "a=b&c=%zz", "application/x-www-form-urlencoded", form));
        }
    }

    @Property
    void anyCookieHeaderGivesASessionIdOrNone(@ForAll("cookies") List<String> headers) {
        // Asterisk's id 0 means no session: it is never one
        ManagerCookie.sessionId(headers).ifPresent(id -> assertTrue(id != 0, "no session has id 0"));
    }

    @Property
    void anyAuthorizationHeaderParsesOrIsRefused(@ForAll("authorization") String header) {
        DigestAuthorization.parse(header).ifPresent(d -> assertTrue(d.username() != null && d.nonce() != null));
    }

    @Property
    void percentDecodingNeverGrows(@ForAll("urlish") String text) {
        assertTrue(UriDecoder.decode(text).length() <= text.length());
    }

    @Provide
    Arbitrary<String> method() {
        return Arbitraries.of("GET", "POST", "HEAD", "PUT", "get", "");
    }

    @Provide
    Arbitrary<String> contentType() {
        return Arbitraries.oneOf(Arbitraries.of("application/x-www-form-urlencoded",
                "application/x-www-form-urlencoded; charset=UTF-8", "text/plain", ""),
                Arbitraries.strings().ofMaxLength(40));
    }

    @Provide
    Arbitrary<String> urlish() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of("action=ping", "&", "=", "%", "%2", "%00", "%zz", "%41", "+", "a=b&", "&&&", "%%%"),
                Arbitraries.strings().withChars("a=&%+0123456789abcdefABCDEF;").ofMaxLength(30),
                Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(30),
                Arbitraries.just("x=y&".repeat(200)));
        return pieces.list().ofMaxSize(20).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<List<String>> cookies() {
        Arbitrary<String> cookie = Arbitraries.oneOf(
                Arbitraries.of("mansession_id=\"0a1b2c3d\"", "MANSESSION_ID=1", "mansession_id=\"\"", "mansession_id=zz",
                        "mansession_id=ffffffffffffffff", "a=b; mansession_id=\"12345678\"; c", ";;;", "=", ""),
                Arbitraries.strings().withChars("mansession_id=\"; 0123456789abcdefxyz").ofMaxLength(60),
                Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(60));
        return cookie.list().ofMaxSize(5);
    }

    @Provide
    Arbitrary<String> authorization() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of("Digest ", "username=\"admin\"", "realm=\"asterisk\"", "nonce=\"1f69e469\"", "uri=\"/x\"",
                        "response=\"0123\"", "nc=00000001", "qop=auth", ", ", ",", "\"", "=", "\\", " "),
                Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(20));
        return pieces.list().ofMaxSize(20).map(l -> String.join("", l));
    }
}
