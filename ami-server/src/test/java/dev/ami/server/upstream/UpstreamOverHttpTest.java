package dev.ami.server.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.connector.GeneralSettings;
import dev.ami.api.connector.HttpSettings;
import dev.ami.api.http.HttpManagerReply;
import dev.ami.api.http.HttpManagerRequest;
import dev.ami.server.http.HttpManagerService;
import dev.ami.server.testing.TestConnector;
import io.netty.channel.DefaultEventLoopGroup;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A request of the HTTP manager answered by an upstream: one body holding the whole list (issue 17). */
class UpstreamOverHttpTest {

    private final TestConnector connector = new TestConnector(GeneralSettings.builder().enabled(true)
            .bindAddress("127.0.0.1").webEnabled(true).httpTimeoutSeconds(60).build(), TestConnector.ACCOUNTS);
    private final DefaultEventLoopGroup loops = new DefaultEventLoopGroup(1);
    private final HttpSettings http = new HttpSettings(true, "127.0.0.1", 8088, "", "Asterisk", 100, 30000, 15000, false,
            false, List.of(), HttpSettings.DEFAULTS.tls(), List.of());
    private final HttpManagerService service = new HttpManagerService(connector.context, connector.actions, loops,
            () -> http, Clock.systemUTC());
    private final FakeUpstream pbx = new FakeUpstream("pbx1").lists("CoreShowChannels", "system,reporting");
    private final UpstreamRelay relay = new UpstreamRelay(() -> connector.context);

    @AfterEach
    void stop() throws InterruptedException {
        service.stop();
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
    }

    private CompletableFuture<HttpManagerReply> get(String path, String query, String cookie) {
        return service.handle(new HttpManagerRequest("GET", path, query, "", new byte[0],
                cookie == null ? List.of() : List.of("mansession_id=\"" + cookie + "\""),
                new InetSocketAddress("127.0.0.1", 8088), new InetSocketAddress("127.0.0.1", 45000)))
                .toCompletableFuture();
    }

    private static String body(HttpManagerReply reply) {
        return new String(reply.body(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void anUpstreamsListAnswerIsOneRawmanBody() throws Exception {
        connector.actions.forwardTo(new UpstreamForwarding(pbx, relay.requests()));
        HttpManagerReply login = get("/rawman", "action=login&username=admin&secret=s3cret", null).get(10, TimeUnit.SECONDS);
        String cookie = login.headers().stream().filter(h -> h.name().equals("Set-Cookie")).findFirst().orElseThrow()
                .value().replaceAll("mansession_id=\"([0-9a-f]{8})\".*", "$1");

        CompletableFuture<HttpManagerReply> reply = get("/rawman", "action=CoreShowChannels&upstream=pbx1&actionid=h1",
                cookie);
        for (int i = 0; i < 100 && pbx.sent.isEmpty(); i++) {
            Thread.sleep(20);
        }
        assertEquals(List.of(List.of("action: CoreShowChannels", "ActionID: ami-1")), pbx.sent,
                "the request's own upstream and actionid parameters are not forwarded");
        relay.received(pbx, UpstreamMessage.of("Response: Success", "ActionID: ami-1", "EventList: start",
                "Message: Channels will follow"));
        assertFalse(reply.isDone(), "the answer waits for the end of the list");
        relay.received(pbx, UpstreamMessage.of("Event: CoreShowChannelsComplete", "ActionID: ami-1", "EventList: Complete",
                "ListItems: 0"));
        String answer = body(reply.get(10, TimeUnit.SECONDS));
        assertTrue(answer.startsWith("Response: Success\r\nActionID: h1\r\nEventList: start\r\nMessage: Channels will follow"
                + "\r\n\r\nEvent: CoreShowChannelsComplete\r\nActionID: h1\r\nEventList: Complete\r\nListItems: 0\r\n\r\n"),
                answer);
    }
}
