package dev.ami.server.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ami.api.authority.Authority;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class UpstreamTimingTest {

    private final UpstreamTiming timing = UpstreamTiming.DEFAULT;

    @Test
    void theWaitDoublesFromOneSecondUpToAMinuteSpreadAroundItsMiddle() {
        assertEquals(Duration.ofSeconds(1), timing.backoff(1, 0.5));
        assertEquals(Duration.ofSeconds(2), timing.backoff(2, 0.5));
        assertEquals(Duration.ofSeconds(4), timing.backoff(3, 0.5));
        assertEquals(Duration.ofSeconds(32), timing.backoff(6, 0.5));
        assertEquals(Duration.ofSeconds(60), timing.backoff(7, 0.5));
        assertEquals(Duration.ofSeconds(60), timing.backoff(1000, 0.5));
        assertEquals(Duration.ofMillis(3200), timing.backoff(3, 0.0));
        assertEquals(Duration.ofMillis(4800), timing.backoff(3, 1.0));
        // the jitter never leaves the bounds
        assertEquals(Duration.ofSeconds(1), timing.backoff(1, 0.0));
        assertEquals(Duration.ofSeconds(60), timing.backoff(7, 0.99));
    }

    @Test
    void theListedWriteClassesOfEachAction() {
        UpstreamCommands commands = UpstreamCommands.parse(UpstreamMessage.of("Response: Success", "ActionID: lc",
                "AbsoluteTimeout: Set absolute timeout.  (Priv: system,call,all)",
                "BridgeInfo: Get information about a bridge.  (Priv: <none>)",
                "Odd: A synopsis (with parentheses) here.  (Priv: all)"));
        assertEquals(3, commands.classes().size());
        assertEquals(Authority.parse("system,call"), commands.of("ABSOLUTETIMEOUT").orElseThrow());
        assertEquals(Authority.NONE, commands.of("BridgeInfo").orElseThrow());
        assertEquals(Authority.ALL, commands.of("Odd").orElseThrow());
        assertEquals(java.util.Optional.empty(), commands.of("ActionID"));
    }
}
