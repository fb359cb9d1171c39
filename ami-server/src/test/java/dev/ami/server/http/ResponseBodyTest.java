package dev.ami.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The renderings' corner cases, beyond the recorded bodies (RecordedBodiesTest). */
class ResponseBodyTest {

    private static final List<HttpParameter> NONE = List.of();
    private static final String PING = "Response: Success\r\nPing: Pong\r\nTimestamp: 1.5\r\n\r\n";
    private static final String HTML_HEAD_END = "</form>\n</td></tr>\r\n";

    private static HttpManagerPath path(String uri) {
        return HttpManagerPath.match("", "/" + uri).orElseThrow();
    }

    private static String xml(String amiText) {
        return ResponseBody.render(path("mxml"), amiText, NONE);
    }

    /** The one response element of a single-block XML rendering. */
    private static String element(String amiText) {
        String body = xml(amiText);
        String start = "<ajax-response>\n<response type='object' id='unknown'><generic";
        assertTrue(body.startsWith(start), body);
        assertTrue(body.endsWith(" /></response>\n</ajax-response>\n"), body);
        return body.substring(start.length(), body.length() - " /></response>\n</ajax-response>\n".length());
    }

    /** The rows of an HTML rendering, after the fixed page head and before the close. */
    private static String rows(String amiText) {
        String body = ResponseBody.render(path("manager"), amiText, NONE);
        int start = body.indexOf(HTML_HEAD_END) + HTML_HEAD_END.length();
        assertTrue(body.endsWith("</table></body>\r\n"), body);
        return body.substring(start, body.length() - "</table></body>\r\n".length());
    }

    @Test
    void repeatedNamesGetNumberedWithinABlock() {
        assertEquals(" response='Follows' output='a' output-2='b' output-3='c'",
                element("Response: Follows\r\nOutput: a\r\nOutput: b\r\nOutput: c\r\n\r\n"));
        assertEquals("<tr><td>Output</td><td>a</td></tr>\n<tr><td>Output-2</td><td>b</td></tr>\n"
                + "<tr><td colspan=\"2\"><hr></td></tr>\r\n", rows("Output: a\r\nOutput: b\r\n\r\n"));
    }

    @Test
    void namesAreCountedExactlyCaseIncludedAndAfreshInEachBlock() {
        assertEquals(" foo='1' foo='2' foo-2='3'", element("Foo: 1\r\nfoo: 2\r\nFoo  : 3\r\n"));
        assertEquals("<ajax-response>\n"
                + "<response type='object' id='unknown'><generic a='1' a-2='2' /></response>\n"
                + "<response type='object' id='unknown'><generic a='3' /></response>\n"
                + "</ajax-response>\n", xml("A: 1\r\nA: 2\r\n\r\nA: 3\r\n\r\n"));
    }

    @Test
    void attributeNamesAreLowercasedWithUnderscoresAndNoLeadingDigit() {
        assertEquals(" x_foo_bar_baz='1' _1st='2' __2x='3' _pfel='4' a_b='5'",
                element("X-Foo Bar.Baz: 1\r\n1st: 2\r\n  2x: 3\r\n\u00c4pfel: 4\r\nA<B: 5\r\n"));
    }

    @Test
    void valuesAreEscapedAndTrimmedButKeepTheirCase() {
        assertEquals(" message='&lt;a href=&quot;X&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;' key='v  v'",
                element("Message: <a href=\"X\">'&'</a>\r\nKey:  \t v  v \t \r\n"));
        assertEquals("<tr><td>A&lt;B</td><td>&quot;x&quot;</td></tr>\n<tr><td colspan=\"2\"><hr></td></tr>\r\n",
                rows("A<B: \"x\"\r\n"), "HTML names keep their case and are escaped");
    }

    @Test
    void linesWithoutAColonAreOpaqueDataUntilTheBlockEnds() {
        assertEquals("<ajax-response>\n<response type='object' id='unknown'><generic response='Follows' "
                + "privilege='Command' opaque_data='line one\nline: two\n--END COMMAND--' /></response>\n"
                + "<response type='object' id='unknown'><generic a='1' /></response>\n</ajax-response>\n",
                xml("Response: Follows\r\nPrivilege: Command\r\nline one\r\nline: two\r\n--END COMMAND--\r\n\r\nA: 1\r\n\r\n"));
        assertEquals("<tr><td>Opaque-data</td><td>one<br>\ntwo</td></tr>\n<tr><td colspan=\"2\"><hr></td></tr>\r\n",
                rows("one\r\ntwo\r\n\r\n"));
    }

    @Test
    void opaqueDataRunningToTheEndLeavesItsQuoteOpenAsAsteriskDoes() {
        assertEquals(" response='Follows' opaque_data='some text\nmore", element("Response: Follows\r\nsome text\r\nmore\r\n"));
        assertEquals(" response='Follows' opaque_data='only'", element("Response: Follows\r\nonly\r\n"),
                "closed when the text ends right after the first opaque line");
    }

    @Test
    void theLastBlockNeedsNoEmptyLineAndEmptyLinesAloneMakeNothing() {
        assertEquals(xml(PING), xml("Response: Success\r\nPing: Pong\r\nTimestamp: 1.5\r\n"));
        assertEquals(xml(PING), xml("\r\n\r\n" + PING + "\r\n  \r\n"));
        assertEquals(rows(PING), rows("Response: Success\r\nPing: Pong\r\nTimestamp: 1.5"));
    }

    @Test
    void linesEndAtCrOrLfAndOneLfAfterTheEndIsSkipped() {
        assertEquals(" a='1' b='2' c='3'", element("A: 1\nB: 2\n\nC: 3\n"), "LF LF is one line end");
        assertEquals("<ajax-response>\n"
                + "<response type='object' id='unknown'><generic a='1' /></response>\n"
                + "<response type='object' id='unknown'><generic b='2' /></response>\n"
                + "</ajax-response>\n", xml("A: 1\n\n\nB: 2\n"));
        assertEquals(" a='1' b='2'", element("A: 1\rB: 2\r"));
    }

    @Test
    void anEmptyTextGivesTheWrappersAlone() {
        assertEquals("", ResponseBody.render(path("rawman"), "", NONE));
        assertEquals("<ajax-response>\n</ajax-response>\n", xml(""));
        assertEquals("", rows(""));
        String page = ResponseBody.render(path("manager"), "", NONE);
        assertTrue(page.startsWith("<title>Asterisk&trade; Manager Interface</title>"), page);
    }

    @Test
    void ajaxdestAndAjaxobjtypeNameTheElementsAsGiven() {
        List<HttpParameter> params = HttpParameters.decode("action=ping&AjaxDest=panel1&ajaxobjtype=pong");
        assertEquals("<ajax-response>\n<response type='object' id='panel1'><pong response='Success' /></response>\n"
                + "</ajax-response>\n", ResponseBody.render(path("mxml"), "Response: Success\r\n\r\n", params));
        params = HttpParameters.decode("ajaxdest=first&ajaxdest=last&ajaxobjtype=x&ajaxobjtype=");
        assertEquals("<ajax-response>\n<response type='object' id='last'><generic a='1' /></response>\n</ajax-response>\n",
                ResponseBody.render(path("mxml"), "A: 1\r\n", params), "the last wins; an empty one is the default");
        params = HttpParameters.decode("ajaxdest=%27%3E");
        assertEquals("<ajax-response>\n<response type='object' id=''>'><generic a='1' /></response>\n</ajax-response>\n",
                ResponseBody.render(path("mxml"), "A: 1\r\n", params), "inserted unescaped, as Asterisk inserts it");
        assertEquals(ResponseBody.render(path("manager"), PING, NONE), ResponseBody.render(path("manager"), PING, params),
                "HTML ignores them");
    }

    @Test
    void theDigestHtmlFormIsAnotherPage() {
        assertEquals("<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\r\n"
                + "<html><head>\r\n"
                + "<title>Asterisk&trade; Manager Interface</title>\r\n"
                + "</head><body style=\"background-color: #ffffff;\">\r\n"
                + "<form method=\"POST\">\r\n"
                + "<table align=\"center\" style=\"background-color: #f1f1f1;\" width=\"500\">\r\n"
                + "<tr><th colspan=\"2\" style=\"background-color: #f1f1ff;\"><h1>Manager Tester</h1></th></tr>\r\n"
                + "<tr><th colspan=\"2\" style=\"background-color: #f1f1ff;\">Action: <input name=\"action\" /> "
                + "Cmd: <input name=\"command\" /><br><input type=\"submit\" value=\"Send request\" /></th></tr>\r\n"
                + "<tr><td>Response</td><td>Success</td></tr>\n"
                + "<tr><td colspan=\"2\"><hr></td></tr>\r\n"
                + "</table></form></body></html>\r\n",
                ResponseBody.render(path("amanager"), "Response: Success\r\n\r\n", NONE));
        assertEquals(xml(PING), ResponseBody.render(path("amxml"), PING, NONE));
        assertEquals(PING, ResponseBody.render(path("arawman"), PING, NONE));
    }

    @Test
    void theTextEndsAtItsFirstNul() {
        assertEquals("Response: Success\r\n",
                ResponseBody.render(path("rawman"), "Response: Success\r\n\0Junk: 1\r\n\r\n", NONE));
        assertEquals(" response='Success'", element("Response: Success\r\n\0Junk: 1\r\n\r\n"));
    }
}
