package dev.ami.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.AsteriskVersion;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.action.CommandAction;
import org.asteriskjava.manager.action.EventsAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.response.ManagerResponse;
import org.asteriskjava.manager.response.PingResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real client asterisk-java 3.42.2: Challenge/MD5 login, version detection, ping, logoff. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AsteriskJavaIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return AmiEar.fromBuild();
    }

    private static ManagerConnection connection(String user, String secret) throws Exception {
        // connect once by hand first: the port opens just after the deployment completes
        AmiTestClient.open(AmiEar.PORT).close();
        return new ManagerConnectionFactory("127.0.0.1", AmiEar.PORT, user, secret).createManagerConnection();
    }

    @Test
    void logsInWithMd5PingsAndLogsOff() throws Exception {
        ManagerConnection connection = connection("admin", "s3cret");
        connection.login();
        assertEquals(ManagerConnectionState.CONNECTED, connection.getState());
        assertEquals("Asterisk Call Manager/11.0.0", connection.getProtocolIdentifier());
        // learnt from CoreSettings, which it sends right after login
        assertEquals(AsteriskVersion.ASTERISK_22, connection.getVersion());

        PingAction ping = new PingAction();
        ping.setActionId("my-ping");
        ManagerResponse response = connection.sendAction(ping, 5000);
        PingResponse pong = assertInstanceOf(PingResponse.class, response);
        assertEquals("Success", pong.getResponse());
        assertEquals("Pong", pong.getPing());
        assertEquals("my-ping", pong.getActionId());

        connection.logoff();
        assertEquals(ManagerConnectionState.DISCONNECTED, connection.getState());
    }

    @Test
    void receivesAUserEventFromAnotherSessionIsRefusedCommandAndTurnsEventsOff() throws Exception {
        ManagerConnection connection = connection("limited-user", "pw3");
        connection.registerUserEventClass(DemoEvent.class);
        BlockingQueue<ManagerEvent> events = new LinkedBlockingQueue<>();
        connection.addEventListener(events::add);
        connection.login();
        try (AmiTestClient other = AmiTestClient.connect(AmiEar.PORT)) {
            other.send(Wire.crlf("Action: Login\nUsername: admin\nSecret: s3cret\nEvents: off\n\n"
                    + "Action: UserEvent\nUserEvent: Demo\nFoo: bar\n\n"));
            DemoEvent demo = awaitEvent(events, DemoEvent.class);
            assertEquals("bar", demo.getFoo());

            ManagerResponse refused = connection.sendAction(new CommandAction("core show version"), 5000);
            assertEquals("Error", refused.getResponse());
            assertEquals("Permission denied", refused.getMessage());

            EventsAction off = new EventsAction("off");
            assertEquals("Success", connection.sendAction(off, 5000).getResponse());
            events.clear();
            other.send(Wire.crlf("Action: UserEvent\nUserEvent: Demo\nFoo: again\n\nAction: Ping\n\n"));
            other.readMessages(3);
            // a round trip on the same connection: any event sent before its answer has arrived by now
            connection.sendAction(new PingAction(), 5000);
            assertTrue(events.stream().noneMatch(DemoEvent.class::isInstance), events.toString());
        } finally {
            connection.logoff();
        }
        assertEquals(ManagerConnectionState.DISCONNECTED, connection.getState());
    }

    private static <T> T awaitEvent(BlockingQueue<ManagerEvent> events, Class<T> type) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            ManagerEvent e = events.poll(200, TimeUnit.MILLISECONDS);
            if (type.isInstance(e)) {
                return type.cast(e);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " arrived; saw " + events);
    }

    @Test
    void aWrongSecretFailsTheLogin() throws Exception {
        ManagerConnection connection = connection("admin", "wrong");
        assertThrows(AuthenticationFailedException.class, connection::login);
    }
}
