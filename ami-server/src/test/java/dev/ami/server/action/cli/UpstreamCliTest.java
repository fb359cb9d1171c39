package dev.ami.server.action.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ami.api.connector.UpstreamStatus;
import dev.ami.api.connector.UpstreamStatus.State;
import dev.ami.server.testing.TestConnector;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code manager show upstreams} through Action: Command. */
class UpstreamCliTest {

    private final TestConnector connector = new TestConnector();

    private String command(String cli) {
        var c = connector.login("admin", "s3cret");
        c.read();
        return c.exchange("Action: Command\r\nCommand: " + cli + "\r\n\r\n");
    }

    @Test
    void noUpstreams() {
        assertEquals("Response: Success\r\nMessage: Command output follows\r\n"
                + "Output:   Name                  Address                         State       Since                 LagMs"
                + "       Events      Actions     Failures  Last error\r\n"
                + "Output: 0 upstreams configured.\r\n\r\n", command("manager show upstreams"));
    }

    @Test
    void eachUpstreamInTheConfigurationsOrder() {
        connector.context.upstreams(() -> List.of(
                new UpstreamStatus("pbx-paris", "10.0.0.5:5038", State.CONNECTED, Instant.parse("2026-12-07T02:00:00.250Z"),
                        null, "Asterisk Call Manager/11.0.0", null, 1, 0, 1234, 56, 2, 812),
                new UpstreamStatus("pbx-lyon", "pbx.lyon.example:5039", State.RETRYING,
                        Instant.parse("2026-12-07T02:10:00Z"), "cannot connect to pbx.lyon.example:5039: Connection refused",
                        null, Instant.parse("2026-12-07T02:10:04.900Z"), 0, 3, 0, 0, 0, -1),
                new UpstreamStatus("pbx-old", "10.0.0.9:5038", State.DISABLED, Instant.parse("2026-12-07T01:00:00Z"),
                        null, null, null, 0, 0, 0, 0, 0, -1)));
        String out = command("manager show upstreams");
        assertEquals("Response: Success\r\nMessage: Command output follows\r\n"
                + "Output:   Name                  Address                         State       Since                 LagMs"
                + "       Events      Actions     Failures  Last error\r\n"
                + "Output:   pbx-paris             10.0.0.5:5038                   CONNECTED   2026-12-07T02:00:00Z  0.812"
                + "       1234        56          0\r\n"
                + "Output:   pbx-lyon              pbx.lyon.example:5039           RETRYING    2026-12-07T02:10:00Z  -"
                + "           0           0           3         cannot connect to pbx.lyon.example:5039: Connection refused"
                + " (next attempt 2026-12-07T02:10:04Z)\r\n"
                + "Output:   pbx-old               10.0.0.9:5038                   DISABLED    2026-12-07T01:00:00Z  -"
                + "           0           0           0\r\n"
                + "Output: 3 upstreams configured.\r\n\r\n", out);
    }
}
