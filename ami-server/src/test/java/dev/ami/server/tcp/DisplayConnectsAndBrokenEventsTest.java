package dev.ami.server.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ami.api.acl.AccessList;
import dev.ami.api.authority.Authority;
import dev.ami.api.connector.Account;
import dev.ami.api.connector.GeneralSettings;
import dev.ami.server.action.login.LoginAction;
import dev.ami.server.testing.LogCapture;
import dev.ami.server.testing.TestConnector;
import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The displayconnects log lines (main/manager.c, session_do and purge_sessions) and brokeneventsaction (action_events). */
class DisplayConnectsAndBrokenEventsTest {

    private LogCapture log;

    @BeforeEach
    void listen() {
        log = LogCapture.of(AmiSessionHandler.class, LoginAction.class);
    }

    @AfterEach
    void stopListening() {
        log.close();
    }

    private static Account quiet() {
        return new Account("quiet", "pw", Authority.ALL, Authority.ALL, AccessList.ALLOW_ALL, true, false, 100, List.of());
    }

    private static GeneralSettings general(boolean displayConnects, boolean brokenEventsAction) {
        return TestConnector.GENERAL.toBuilder().displayConnects(displayConnects).brokenEventsAction(brokenEventsAction)
                .build();
    }

    @Test
    void loginAndLogoffAreLoggedWithTheNameAsTypedAndTheAddressAsAsteriskPrintsIt() {
        TestConnector connector = new TestConnector(general(true, false), List.of(
                Account.of("admin", "s3cret", Authority.ALL, Authority.ALL), quiet()));
        var c = connector.open(new InetSocketAddress("::1", 40000));
        c.read();
        c.exchange("Action: Login\r\nUsername: ADMIN\r\nSecret: s3cret\r\nEvents: off\r\n\r\n");
        c.channel().close();
        var q = connector.login("quiet", "pw");
        q.channel().close();
        var stranger = connector.connect();
        stranger.channel().close();
        assertEquals(List.of("Manager 'ADMIN' logged on from ::1", "Manager 'ADMIN' logged off from ::1",
                "Connect attempt from '127.0.0.1' unable to authenticate"), log.messages(),
                "an account with displayconnects = no is not logged");
    }

    @Test
    void theLoginIsAnsweredBeforeItsLineIsLogged() {
        TestConnector connector = new TestConnector(general(true, false), TestConnector.ACCOUNTS);
        var c = connector.open(new InetSocketAddress("127.0.0.1", 40001));
        c.read();
        // what the client has been sent (flushed) at the moment the line is logged
        List<String> sentWhenLogged = new java.util.ArrayList<>();
        Logger logger = Logger.getLogger(LoginAction.class.getName());
        Handler probe = new Handler() {
            @Override
            public void publish(LogRecord record) {
                StringBuilder sent = new StringBuilder();
                for (Object m : c.channel().outboundMessages()) {
                    sent.append(((ByteBuf) m).toString(StandardCharsets.ISO_8859_1));
                }
                sentWhenLogged.add(sent.toString());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(probe);
        try {
            c.send("Action: Login\r\nUsername: admin\r\nSecret: s3cret\r\nEvents: off\r\n\r\n");
        } finally {
            logger.removeHandler(probe);
        }
        assertEquals(List.of("Response: Success\r\nMessage: Authentication accepted\r\n\r\n"), sentWhenLogged,
                "the line was logged before the answer was flushed");
        assertEquals(List.of("Manager 'admin' logged on from 127.0.0.1"), log.messages());
    }

    @Test
    void withDisplayConnectsOffInGeneralAFailedConnectionIsNotLogged() {
        TestConnector connector = new TestConnector(general(false, false), TestConnector.ACCOUNTS);
        connector.connect().channel().close();
        var admin = connector.login("admin", "s3cret");
        admin.channel().close();
        // the account's own displayconnects (yes by default) still logs its logins
        assertEquals(List.of("Manager 'admin' logged on from 127.0.0.1", "Manager 'admin' logged off from 127.0.0.1"),
                log.messages());
    }

    @Test
    void brokenEventsActionAnswersNothingForAllAndForAnEmptyMask() {
        TestConnector connector = new TestConnector(general(true, true), TestConnector.ACCOUNTS);
        var c = connector.login("admin", "s3cret");
        c.read();
        assertEquals("Response: Success\r\nActionID: 9\r\nEvents: Off\r\n\r\n",
                c.exchange("Action: Events\r\nEventMask: off\r\nActionID: 9\r\n\r\n"));
        assertEquals("Response: Success\r\nEvents: On\r\n\r\n", c.exchange("Action: Events\r\nEventMask: call,user\r\n\r\n"));
        assertEquals("", c.exchange("Action: Events\r\nEventMask:\r\n\r\n"));
        assertEquals("", c.exchange("Action: Events\r\nEventMask: on\r\n\r\n"));
        assertEquals("", c.exchange("Action: Events\r\nEventMask: all,user\r\n\r\n"));
        assertEquals("Response: Success\r\nEvents: On\r\n\r\n", c.exchange("Action: Events\r\nEventMask: 1\r\n\r\n"));
        assertEquals("Response: Success\r\nEvents: Off\r\n\r\n",
                c.exchange("Action: Events\r\nEventMask: yeah whatever\r\n\r\n"));
        // the silent "on" still changed the mask: a UserEvent is delivered
        c.exchange("Action: Events\r\nEventMask: on\r\n\r\n");
        String echoed = c.exchange("Action: UserEvent\r\nUserEvent: Check\r\n\r\n");
        assertEquals("Response: Success\r\nMessage: Event Sent\r\n\r\nEvent: UserEvent\r\nPrivilege: user,all\r\n"
                + "UserEvent: Check\r\n\r\n", echoed);
    }
}
