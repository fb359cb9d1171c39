package dev.ami.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.message.ManagerAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpParametersTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    private static HttpParameter p(String name, String value) {
        return new HttpParameter(name, value);
    }

    private static String value(String encoded) {
        List<HttpParameter> pairs = HttpParameters.decode("v=" + encoded);
        assertEquals(1, pairs.size());
        return pairs.get(0).value();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void splitsOnAmpersandThenAtTheFirstEquals() {
        assertEquals(List.of(p("action", "ping"), p("actionid", "abc")), HttpParameters.decode("action=ping&actionid=abc"));
        assertEquals(List.of(p("variable", "a=b")), HttpParameters.decode("variable=a=b"));
    }

    @Test
    void pairsWithoutEqualsOrNameAreKept() {
        assertEquals(List.of(p("flag", "")), HttpParameters.decode("flag"));
        assertEquals(List.of(p("", "v")), HttpParameters.decode("=v"));
        assertEquals(List.of(p("a", "1"), p("", ""), p("b", "")), HttpParameters.decode("a=1&&b="));
        assertEquals(List.of(p("a", "1"), p("", "")), HttpParameters.decode("a=1&"));
    }

    @Test
    void anEmptyQueryIsOneEmptyPairAndNoQueryIsNone() {
        assertEquals(List.of(p("", "")), HttpParameters.decode(""));
        assertEquals(List.of(), HttpParameters.decode(null));
    }

    @Test
    void plusIsASpaceAndEscapesAreBytes() {
        assertEquals("Local/100 @ default", value("Local%2F100+%40+default"));
        assertEquals("jJ", value("%6a%4A"));
        assertEquals("\u00c3\u00a9", value("%C3%A9"), "UTF-8 stays two bytes");
        assertEquals("a+b", value("a%2Bb"));
        assertEquals(List.of(p("user name", "x")), HttpParameters.decode("user+name=x"));
    }

    @Test
    void malformedEscapesAreWhatAstUriDecodeMakesOfThem() {
        assertEquals("%zz", value("%zz"), "no hex digit: the % is copied");
        assertEquals("a%4", value("a%4"), "fewer than two characters left: copied");
        assertEquals("%", value("%"));
        assertEquals("\u0004", value("%4z"), "one digit converts, and the next character is swallowed");
        assertEquals("\u0004y", value("%4zy"));
        assertEquals("\u00ff", value("%-1"), "sscanf takes a sign: -1 is 0xff");
        assertEquals("\u000f", value("%+f"));
        assertEquals("% z", value("%+z"), "no digit after the sign: the % is copied and the + is a space");
        assertEquals("A1", value("% 41"), "white space is skipped, then two digits read, three characters consumed");
        assertEquals("b", value("b%0x41c"), "0x reads as 0: a NUL, which ends the value");
        assertEquals("x", value("x%00y"), "a decoded NUL ends the value");
        assertEquals(List.of(p("a", "1"), p("c", "d")), HttpParameters.decode("a%00b=1&c=d"), "and ends a name too");
    }

    @Test
    void aNulByteEndsTheInput() {
        assertEquals(List.of(p("a", "1")), HttpParameters.decode("a=1\0&b=2"));
    }

    @Test
    void theActionCarriesTheFirst128PairsAsHeaderLines() {
        StringBuilder query = new StringBuilder("action=ping");
        for (int i = 2; i <= 129; i++) {
            query.append("&h").append(i).append('=').append(i);
        }
        List<HttpParameter> pairs = HttpParameters.decode(query.toString());
        assertEquals(129, pairs.size(), "all are decoded (xml_translate sees them all)");
        ManagerAction action = HttpParameters.toAction(pairs);
        assertEquals(128, action.lines().size());
        assertEquals("action: ping", action.lines().get(0));
        assertEquals("h128: 128", action.lines().get(127));
        assertEquals(Optional.empty(), action.header("h129"));
        assertEquals(Optional.of("ping"), action.action());
    }

    @Test
    void headerLinesAreNameColonSpaceValueSoLookupsWorkAsOverTcp() {
        ManagerAction action = HttpParameters.toAction(HttpParameters.decode("Action=Login&username=admin&secret=&&x"));
        assertEquals(List.of("Action: Login", "username: admin", "secret: ", ": ", "x: "), action.lines());
        assertEquals("admin", action.get("Username"));
        assertEquals(Optional.of(""), action.header("Secret"));
    }

    @Test
    void getAndHeadUseTheQueryString() {
        assertEquals(List.of(p("action", "ping")), HttpParameters.of("GET", "action=ping", null, null));
        assertEquals(List.of(p("action", "ping")), HttpParameters.of("head", "action=ping", FORM, bytes("action=logoff")));
        assertEquals(List.of(), HttpParameters.of("GET", null, null, null));
    }

    @Test
    void postUsesOnlyAFormBodyAndIgnoresTheQuery() {
        assertEquals(List.of(p("action", "ping"), p("actionid", "post1")),
                HttpParameters.of("POST", "action=logoff", FORM, bytes("action=ping&actionid=post1")));
        assertEquals(List.of(), HttpParameters.of("POST", "action=ping", null, null), "no body: no parameters");
        assertEquals(List.of(), HttpParameters.of("POST", "action=ping", FORM, new byte[0]), "empty body: none");
        assertEquals(List.of(p("a", "1")), HttpParameters.of("POST", null, FORM, bytes("a=1\0b=2")));
    }

    @Test
    void theFormTypeIsComparedWithoutCaseAndWithoutItsParameters() {
        assertEquals(List.of(p("action", "ping")),
                HttpParameters.of("POST", null, FORM + "; charset=UTF-8", bytes("action=ping")));
        assertEquals(List.of(p("action", "ping")),
                HttpParameters.of("post", null, "  Application/X-WWW-Form-URLEncoded;x", bytes("action=ping")));
        assertTrue(HttpParameters.readsBody("POST", FORM + ";charset=utf-8"));
    }

    @Test
    void anyOtherBodyGivesNoParametersAtAll() {
        assertEquals(List.of(), HttpParameters.of("POST", "action=ping", "text/plain", bytes("action=ping")));
        assertEquals(List.of(), HttpParameters.of("POST", "action=ping", "multipart/form-data; boundary=x",
                bytes("action=ping")));
        assertEquals(List.of(), HttpParameters.of("POST", null, FORM + " ; charset=UTF-8", bytes("action=ping")),
                "the blank before ; stays part of the type");
        assertEquals(List.of(), HttpParameters.of("POST", null, FORM + "x", bytes("action=ping")));
        assertFalse(HttpParameters.readsBody("POST", "text/plain"));
        assertFalse(HttpParameters.readsBody("GET", FORM));
    }

    @Test
    void onlyGetHeadAndPostAreServed() {
        assertTrue(HttpParameters.methodAllowed("GET"));
        assertTrue(HttpParameters.methodAllowed("head"));
        assertTrue(HttpParameters.methodAllowed("Post"));
        for (String method : new ArrayList<>(List.of("PUT", "DELETE", "OPTIONS", "PATCH", ""))) {
            assertFalse(HttpParameters.methodAllowed(method), method);
            assertEquals(List.of(), HttpParameters.of(method, "action=ping", FORM, bytes("action=ping")), method);
        }
    }
}
