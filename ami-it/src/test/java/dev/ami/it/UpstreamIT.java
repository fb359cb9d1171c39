package dev.ami.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.AsteriskVersion;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.CommandAction;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.response.CommandResponse;
import org.asteriskjava.manager.response.ManagerResponse;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * ami in front of an upstream (issue 17), with {@link ScriptedAsterisk} as the upstream: stored
 * through REST, one connection to it however many clients, its events reaching asterisk-java and a
 * raw client byte for byte, actions answered through ami (CoreSettings, Command, a list, an
 * asynchronous Originate), and a lost upstream named in the answers (one story: the upstream's state
 * carries from one step to the next); and a second ami, on the "killable" server of arquillian.xml, as
 * the upstream. {@link UpstreamConnectionIT} covers the reconnection.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UpstreamIT {

    /** The second ami's AMI port (the "killable" container of arquillian.xml). */
    private static final int SECOND_PORT = 28038;

    @ArquillianResource
    private ContainerController controller;

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = "upstream-main", testable = false)
    @TargetsContainer("wildfly")
    static EnterpriseArchive ear() {
        return AmiEar.fromBuild();
    }

    @Deployment(name = KillableServer.EAR, managed = false, testable = false)
    @TargetsContainer(KillableServer.CONTAINER)
    static EnterpriseArchive secondAmi() {
        return AmiEar.fromBuild();
    }

    private static HttpResponse<String> call(String method, String path, String contentType, String body,
            String... headers) throws Exception {
        return AdminApi.call(method, path, contentType, body, headers);
    }

    private static String upstreamState() throws Exception {
        HttpResponse<String> answer = call("GET", "/v1/upstreams/pbx", null, null);
        assertEquals(200, answer.statusCode(), answer.body());
        return answer.body();
    }

    private static boolean stateIs(String state) {
        try {
            return upstreamState().contains("\"state\":\"" + state + "\"");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aClientOfAmiSeesTheUpstreamsEventsAndRunsActionsOnItThroughOneConnection() throws Exception {
        try (ScriptedAsterisk pbx = new ScriptedAsterisk("ami-up", "up-s3cret")) {
            HttpResponse<String> stored = call("POST", "/config/upstreams.conf", "text/plain", "[pbx]\nhost = 127.0.0.1\n"
                    + "port = " + pbx.port() + "\nusername = ami-up\nsecret = up-s3cret\n");
            assertEquals(200, stored.statusCode(), stored.body());
            HttpResponse<String> account = call("POST", "/v1/accounts", "application/json", "{\"name\":\"proxied\","
                    + "\"secret\":\"proxied-pw\",\"read\":[\"all\"],\"write\":[\"all\"],\"upstream\":\"pbx\"}");
            assertEquals(201, account.statusCode(), account.body());

            // ami logs in to the upstream with Challenge/MD5 and learns its actions
            assertTrue(waitFor(() -> stateIs("CONNECTED")), "the upstream is reported connected: " + upstreamState());
            List<List<String>> seen = List.copyOf(pbx.requests);
            assertTrue(seen.get(0).contains("Action: Challenge") && seen.get(0).contains("AuthType: MD5"), seen.toString());
            assertTrue(seen.get(1).contains("Action: Login") && seen.get(1).contains("AuthType: MD5")
                    && seen.get(1).stream().noneMatch(l -> l.startsWith("Secret")), "no secret in clear: " + seen);

            // asterisk-java: its CoreSettings after login is answered by the upstream (Asterisk 22)
            AmiTestClient.open(AmiEar.PORT).close();
            ManagerConnection java = new ManagerConnectionFactory("127.0.0.1", AmiEar.PORT, "proxied", "proxied-pw")
                    .createManagerConnection();
            BlockingQueue<ManagerEvent> events = new LinkedBlockingQueue<>();
            java.addEventListener(events::add);
            java.login();
            try (AmiTestClient raw = AmiTestClient.login(AmiEar.PORT, "proxied", "proxied-pw", "call")) {
                assertEquals(AsteriskVersion.ASTERISK_22, java.getVersion());

                ManagerResponse command = java.sendAction(new CommandAction("core show version"), 10_000);
                CommandResponse output = assertInstanceOf(CommandResponse.class, command);
                assertTrue(output.getResult().get(0).startsWith("Asterisk 22.10.1 built by root"), output.getResult().toString());

                ResponseEvents list = java.sendEventGeneratingAction(new CoreShowChannelsAction(), 10_000);
                CoreShowChannelEvent channel = (CoreShowChannelEvent) list.getEvents().stream()
                        .filter(CoreShowChannelEvent.class::isInstance).findFirst().orElseThrow();
                assertEquals("PJSIP/alice-00000001", channel.getChannel());

                OriginateAction originate = new OriginateAction();
                originate.setChannel("PJSIP/alice");
                originate.setContext("default");
                originate.setExten("100");
                originate.setPriority(1);
                originate.setAsync(true);
                ManagerResponse queued = java.sendAction(originate, 10_000);
                assertEquals("Originate successfully queued", queued.getMessage());
                OriginateResponseEvent result = await(events, OriginateResponseEvent.class);
                assertEquals("PJSIP/alice", result.getChannel());

                // the raw client reads calls: it got the OriginateResponse too, with the sender's ActionID
                String originated = raw.readMessage();
                assertTrue(originated.startsWith("Event: OriginateResponse\r\nPrivilege: call,all\r\nActionID: "), originated);
                assertTrue(!originated.contains("ActionID: ami-"), "never ami's own id: " + originated);

                // an event the upstream sends: byte for byte to a raw client, typed to asterisk-java
                pbx.fire("Event: Newchannel", "Privilege: call,all", "Channel: PJSIP/bob-00000002",
                        "ChannelState: 4", "ChannelStateDesc: Ring", "CallerIDNum: 200", "Uniqueid: 1764300822.2");
                assertEquals("Event: Newchannel\r\nPrivilege: call,all\r\nChannel: PJSIP/bob-00000002\r\nChannelState: 4\r\n"
                        + "ChannelStateDesc: Ring\r\nCallerIDNum: 200\r\nUniqueid: 1764300822.2\r\n\r\n", raw.readMessage());
                NewChannelEvent newChannel = await(events, NewChannelEvent.class);
                assertEquals("PJSIP/bob-00000002", newChannel.getChannel());
                assertEquals(1, pbx.connections(), "the upstream sees one connection for all of ami's clients");

                // the upstream goes away: requests for it are answered with an error naming it (the
                // reconnection is UpstreamConnectionIT's)
                pbx.stop();
                assertTrue(waitFor(() -> stateIs("RETRYING")), "reported: " + upstreamState());
                raw.send("Action: CoreSettings\r\nActionID: down\r\n\r\n");
                assertEquals("Response: Error\r\nActionID: down\r\nMessage: Upstream pbx is not connected\r\n\r\n",
                        raw.readMessage());
            } finally {
                java.logoff();
                call("DELETE", "/v1/accounts/proxied", null, null, "If-Match", "*");
                call("POST", "/config/upstreams.conf", "text/plain", "");
            }
        }
    }

    @Test
    void aSecondAmiIsAnUpstreamToo() throws Exception {
        Path base = KillableServer.freshFolder(Path.of(System.getProperty("it.killable.dir")), "upstream");
        Files.writeString(base.resolve("conf/manager.conf"), "[general]\nenabled = yes\nport = " + SECOND_PORT
                + "\nbindaddr = 127.0.0.1\n\n[ami-front]\nsecret = front-pw\nread = all\nwrite = all\n\n"
                + "[local-client]\nsecret = local-pw\nread = all\nwrite = all\n");
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("ami.conf.dir", base.resolve("conf").toString());
        properties.put("ami.data.dir", base.resolve("data").toString());
        properties.put("ami.db.url", "jdbc:h2:file:" + base.resolve("data/ami") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        KillableServer second = new KillableServer(controller, deployer, properties, false);
        second.start(SECOND_PORT);
        try {
            HttpResponse<String> stored = call("POST", "/config/upstreams.conf", "text/plain", "[pbx]\nhost = 127.0.0.1\n"
                    + "port = " + SECOND_PORT + "\nusername = ami-front\nsecret = front-pw\nevents = user\n");
            assertEquals(200, stored.statusCode(), stored.body());
            assertTrue(waitFor(() -> stateIs("CONNECTED")), "connected to the second ami: " + upstreamState());
            try (AmiTestClient here = AmiTestClient.login(AmiEar.PORT, "admin", "s3cret", "user");
                 AmiTestClient there = AmiTestClient.login(SECOND_PORT, "local-client", "local-pw", "off")) {
                there.send("Action: UserEvent\r\nUserEvent: FromTheUpstream\r\nCall: 42\r\n\r\n");
                assertEquals("Event: UserEvent\r\nPrivilege: user,all\r\nUserEvent: FromTheUpstream\r\nCall: 42\r\n\r\n",
                        here.readMessage(), "the second ami's event, as it sent it");

                here.send("Action: Command\r\nUpstream: pbx\r\nCommand: manager show connected\r\nActionID: who\r\n\r\n");
                String answer = here.readMessage();
                assertTrue(answer.startsWith("Response: Success\r\nActionID: who\r\nMessage: Command output follows\r\n"),
                        answer);
                assertEquals(1, answer.lines().filter(l -> l.contains("ami-front")).count(),
                        "the second ami lists one session of ami's account: " + answer);
            }
        } catch (Exception failure) {
            throw second.stopAfter(failure);
        } catch (Error failure) {
            throw second.stopAfter(failure);
        } finally {
            call("POST", "/config/upstreams.conf", "text/plain", "");
        }
        second.stop();
    }

    private static <T extends ManagerEvent> T await(BlockingQueue<ManagerEvent> events, Class<T> type) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            ManagerEvent e = events.poll(100, TimeUnit.MILLISECONDS);
            if (type.isInstance(e)) {
                return type.cast(e);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " within 10 s");
    }

    /** Waits up to 30 s. */
    private static boolean waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
