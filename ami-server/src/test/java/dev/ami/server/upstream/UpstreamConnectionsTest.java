package dev.ami.server.upstream;

import static dev.ami.server.upstream.UpstreamConnectionTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.authority.Authority;
import dev.ami.api.connector.Upstream;
import dev.ami.api.connector.UpstreamStatus;
import dev.ami.api.connector.UpstreamStatus.State;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The registry follows each configuration: new upstreams start, removed ones close, changed ones restart. */
class UpstreamConnectionsTest {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final RecordingTraffic traffic = new RecordingTraffic();
    private final UpstreamConnections registry = new UpstreamConnections(group, traffic, Runnable::run,
            UpstreamConnectionTest.FAST, Clock.systemUTC());
    private final ScriptedUpstream one;
    private final ScriptedUpstream two;

    UpstreamConnectionsTest() throws Exception {
        one = new ScriptedUpstream();
        two = new ScriptedUpstream();
    }

    @AfterEach
    void stop() throws Exception {
        registry.close();
        one.close();
        two.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static Upstream pbx(String name, ScriptedUpstream server, boolean enabled) {
        return new Upstream(name, "127.0.0.1", server.port(), false, true, "", "admin", "s3cret", Authority.ALL, enabled,
                false);
    }

    @Test
    void appliesAddChangeAndRemove() throws Exception {
        Upstream a = pbx("PbxA", one, true);
        Upstream b = pbx("pbxB", two, false);
        registry.apply(List.of(b, a));
        await("A connected", () -> registry.connected("pbxa").isPresent());
        List<UpstreamStatus> statuses = registry.statuses();
        assertEquals(List.of("pbxB", "PbxA"), statuses.stream().map(UpstreamStatus::name).toList());
        assertEquals(State.DISABLED, statuses.get(0).state());
        assertEquals(State.CONNECTED, statuses.get(1).state());
        assertTrue(registry.configured("PBXB"));
        assertTrue(registry.connected("pbxB").isEmpty()); // disabled: configured, never connected
        assertFalse(registry.configured("pbxC"));
        assertEquals(0, two.accepted);

        UpstreamChannel first = registry.connected("PbxA").orElseThrow();
        registry.apply(List.of(b, a)); // the same again: nothing moves
        assertSame(first, registry.connected("pbxa").orElseThrow());
        assertEquals(1, one.accepted);

        Upstream changed = new Upstream("PbxA", "127.0.0.1", one.port(), false, true, "", "admin", "s3cret",
                Authority.parse("call"), true, false);
        Upstream enabled = pbx("pbxB", two, true);
        registry.apply(List.of(enabled, changed));
        assertEquals("disconnected PbxA: ami closed the session", traffic.nextStarting("disconnected"));
        await("A again and B", () -> registry.connected("pbxa").isPresent() && registry.connected("pbxb").isPresent());
        assertNotSame(first, registry.connected("pbxa").orElseThrow());
        assertEquals(Authority.parse("call"), registry.connected("pbxa").orElseThrow().settings().events());
        assertEquals(2, one.accepted);

        registry.apply(List.of(changed));
        assertEquals("disconnected pbxB: ami closed the session", traffic.nextStarting("disconnected"));
        assertEquals(List.of("PbxA"), registry.statuses().stream().map(UpstreamStatus::name).toList());
        assertFalse(registry.configured("pbxB"));

        registry.close();
        assertEquals("disconnected PbxA: ami closed the session", traffic.nextStarting("disconnected"));
        assertTrue(registry.statuses().isEmpty());
    }
}
