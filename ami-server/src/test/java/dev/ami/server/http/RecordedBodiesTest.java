package dev.ami.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every /rawman, /mxml and /manager body Asterisk 22.10.1 sent in the recorded HTTP exchanges
 * (curl, and a raw socket for 25.x; numbered as recorded), reproduced byte for byte from the AMI text
 * the session produced for the request. Each recorded body is first checked against the length
 * recorded with it, so a slip in copying it here cannot pass unnoticed.
 */
class RecordedBodiesTest {

    private static final HttpManagerPath RAWMAN = HttpManagerPath.match("", "/rawman").orElseThrow();
    private static final HttpManagerPath MXML = HttpManagerPath.match("", "/mxml").orElseThrow();
    private static final HttpManagerPath MANAGER = HttpManagerPath.match("", "/manager").orElseThrow();

    private static final String PERMISSION_DENIED = "Response: Error\r\nMessage: Permission denied\r\n\r\n";

    private static void assertRendered(int recordedLength, String recorded, HttpManagerPath path, String amiText,
            List<HttpParameter> parameters) {
        assertEquals(recordedLength, recorded.length(), "the recorded body as copied here");
        assertEquals(recorded, ResponseBody.render(path, amiText, parameters));
    }

    /** For rawman the session's AMI text is the body: these are the texts. */
    static Stream<Arguments> rawmanBodies() {
        return Stream.of(
                Arguments.of("24.1 login", 55, """
                Response: Success\r
                Message: Authentication accepted\r
                \r
                """),
                Arguments.of("24.2 ping with the cookie", 63, """
                Response: Success\r
                Ping: Pong\r
                Timestamp: 1795836908.889973\r
                \r
                """),
                Arguments.of("24.3 ping with an ActionID", 78, """
                Response: Success\r
                ActionID: abc\r
                Ping: Pong\r
                Timestamp: 1795836908.900027\r
                \r
                """),
                Arguments.of("24.6 UserEvent", 42, """
                Response: Success\r
                Message: Event Sent\r
                \r
                """),
                Arguments.of("24.7 WaitEvent with events queued", 489, """
                Response: Success\r
                Message: Waiting for Event completed.\r
                \r
                Event: SuccessfulAuth\r
                Privilege: security,all\r
                EventTV: 2026-11-28T03:35:08.878+0000\r
                Severity: Informational\r
                Service: AMI\r
                EventVersion: 1\r
                AccountID: admin\r
                SessionID: 0x7f357c001530\r
                LocalAddress: IPV4/TCP/127.0.0.1/18088\r
                RemoteAddress: IPV4/TCP/127.0.0.1/42562\r
                UsingPassword: 0\r
                SessionTV: 2026-11-28T03:35:08.878+0000\r
                \r
                Event: UserEvent\r
                Privilege: user,all\r
                UserEvent: HttpEvt\r
                foo: bar\r
                \r
                Event: WaitEventComplete\r
                \r
                """),
                Arguments.of("24.8 WaitEvent with nothing queued", 88, """
                Response: Success\r
                Message: Waiting for Event completed.\r
                \r
                Event: WaitEventComplete\r
                \r
                """),
                Arguments.of("24.10 ping without a cookie", 47, """
                Response: Error\r
                Message: Permission denied\r
                \r
                """),
                Arguments.of("24.13 login with a wrong secret", 51, """
                Response: Error\r
                Message: Authentication failed\r
                \r
                """),
                Arguments.of("24.14 Logoff", 56, """
                Response: Goodbye\r
                Message: Thanks for all the fish.\r
                \r
                """),
                Arguments.of("24.15 ping with the cookie after Logoff", 47, """
                Response: Error\r
                Message: Permission denied\r
                \r
                """),
                Arguments.of("24.19 ping over HTTPS without a session", 47, """
                Response: Error\r
                Message: Permission denied\r
                \r
                """),
                Arguments.of("25.1 login, raw socket", 55, """
                Response: Success\r
                Message: Authentication accepted\r
                \r
                """),
                Arguments.of("25.2 ping with an ActionID, raw socket", 77, """
                Response: Success\r
                ActionID: r1\r
                Ping: Pong\r
                Timestamp: 1795836911.144075\r
                \r
                """),
                Arguments.of("25.3 ping by POST form, raw socket", 80, """
                Response: Success\r
                ActionID: post1\r
                Ping: Pong\r
                Timestamp: 1795836911.145281\r
                \r
                """),
                Arguments.of("25.4 ping without a cookie, raw socket", 47, """
                Response: Error\r
                Message: Permission denied\r
                \r
                """),
                Arguments.of("25.5 Logoff, raw socket", 56, """
                Response: Goodbye\r
                Message: Thanks for all the fish.\r
                \r
                """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rawmanBodies")
    void rawmanIsTheSessionTextUnchanged(String exchange, int recordedLength, String recorded) {
        assertRendered(recordedLength, recorded, RAWMAN, recorded, HttpParameters.decode("action=ping"));
    }

    /** 24.4 /mxml?action=ping with the cookie. */
    @Test
    void mxmlPingWithTheCookie() {
        assertRendered(154, """
                <ajax-response>
                <response type='object' id='unknown'><generic response='Success' ping='Pong' \
                timestamp='1795836908.998054' /></response>
                </ajax-response>
                """, MXML,
                "Response: Success\r\nPing: Pong\r\nTimestamp: 1795836908.998054\r\n\r\n",
                HttpParameters.decode("action=ping"));
    }

    /** 24.5 /manager?action=ping with the cookie. */
    @Test
    void managerPingWithTheCookie() {
        assertRendered(913, """
                <title>Asterisk&trade; Manager Interface</title><body bgcolor="#ffffff"><table align=center \
                bgcolor="#f1f1f1" width="500">\r
                <tr><td colspan="2" bgcolor="#f1f1ff"><h1>Manager Tester</h1></td></tr>\r
                <tr><td colspan="2" bgcolor="#f1f1ff"><form action="manager" method="post">
                \tAction: <select name="action">
                \t\t<option value="">-----&gt;</option>
                \t\t<option value="login">login</option>
                \t\t<option value="command">Command</option>
                \t\t<option value="waitevent">waitevent</option>
                \t\t<option value="listcommands">listcommands</option>
                \t</select>
                \tor <input name="action"><br/>
                \tCLI Command <input name="command"><br>
                \tuser <input name="username"> pass <input type="password" name="secret"><br>
                \t<input type="submit">
                </form>
                </td></tr>\r
                <tr><td>Response</td><td>Success</td></tr>
                <tr><td>Ping</td><td>Pong</td></tr>
                <tr><td>Timestamp</td><td>1795836909.008367</td></tr>
                <tr><td colspan="2"><hr></td></tr>\r
                </table></body>\r
                """, MANAGER,
                "Response: Success\r\nPing: Pong\r\nTimestamp: 1795836909.008367\r\n\r\n",
                HttpParameters.decode("action=ping"));
    }

    /** 24.9 /mxml?action=corestatus (a value with colons). */
    @Test
    void mxmlCoreStatus() {
        assertRendered(266, """
                <ajax-response>
                <response type='object' id='unknown'><generic response='Success' corestartupdate='2026-11-28' \
                corestartuptime='03:35:00' corereloaddate='2026-11-28' corereloadtime='03:35:07' \
                corecurrentcalls='0' coreprocessedcalls='0' /></response>
                </ajax-response>
                """, MXML,
                "Response: Success\r\nCoreStartupDate: 2026-11-28\r\nCoreStartupTime: 03:35:00\r\n"
                        + "CoreReloadDate: 2026-11-28\r\nCoreReloadTime: 03:35:07\r\nCoreCurrentCalls: 0\r\n"
                        + "CoreProcessedCalls: 0\r\n\r\n",
                HttpParameters.decode("action=corestatus"));
    }

    /** 24.11 /mxml?action=ping without a cookie. */
    @Test
    void mxmlPingWithoutACookie() {
        assertRendered(138, """
                <ajax-response>
                <response type='object' id='unknown'><generic response='Error' message='Permission denied' /></response>
                </ajax-response>
                """, MXML,
                PERMISSION_DENIED,
                HttpParameters.decode("action=ping"));
    }

    /** 24.12 /manager?action=ping without a cookie. */
    @Test
    void managerPingWithoutACookie() {
        assertRendered(873, """
                <title>Asterisk&trade; Manager Interface</title><body bgcolor="#ffffff"><table align=center \
                bgcolor="#f1f1f1" width="500">\r
                <tr><td colspan="2" bgcolor="#f1f1ff"><h1>Manager Tester</h1></td></tr>\r
                <tr><td colspan="2" bgcolor="#f1f1ff"><form action="manager" method="post">
                \tAction: <select name="action">
                \t\t<option value="">-----&gt;</option>
                \t\t<option value="login">login</option>
                \t\t<option value="command">Command</option>
                \t\t<option value="waitevent">waitevent</option>
                \t\t<option value="listcommands">listcommands</option>
                \t</select>
                \tor <input name="action"><br/>
                \tCLI Command <input name="command"><br>
                \tuser <input name="username"> pass <input type="password" name="secret"><br>
                \t<input type="submit">
                </form>
                </td></tr>\r
                <tr><td>Response</td><td>Error</td></tr>
                <tr><td>Message</td><td>Permission denied</td></tr>
                <tr><td colspan="2"><hr></td></tr>\r
                </table></body>\r
                """, MANAGER,
                PERMISSION_DENIED,
                HttpParameters.decode("action=ping"));
    }
}
