package dev.ami.admin.rest.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ami.api.connector.EventStatistics;
import dev.ami.api.connector.OtherNodes.RemoteSession;
import dev.ami.api.connector.SessionStatistics;
import dev.ami.persistence.bridge.LiveSession;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sessions' and event statistics' JSON as the contract names it. */
class SessionJsonTest {

    private static final Instant CONNECTED = Instant.parse("2026-12-06T18:00:00Z");

    @Test
    void aSessionNotLoggedInHasNullUsernameAndLoginTime() {
        SessionStatistics s = new SessionStatistics("0x1f", "", "[::1]:40000", "TCP", CONNECTED, null, 0, 0, 0, 0, 0);
        assertEquals("{\"id\":\"0x1f\",\"username\":null,\"address\":\"[::1]:40000\",\"transport\":\"TCP\","
                + "\"connectedAt\":\"2026-12-06T18:00:00Z\",\"loggedInAt\":null,\"queued\":0,\"delivered\":0,\"dropped\":0,"
                + "\"pending\":0,\"maxLagMillis\":0}", SessionJson.view(new LiveSession.Here(null, s)).toString());
    }

    @Test
    void aLoggedInSessionShowsItsAccountAndCounters() {
        SessionStatistics s = new SessionStatistics("0x2", "Admin", "192.0.2.1:5000", "HTTP", CONNECTED,
                CONNECTED.plusMillis(1500), 7, 5, 1, 1, 12);
        assertEquals("{\"id\":\"0x2\",\"username\":\"Admin\",\"address\":\"192.0.2.1:5000\",\"transport\":\"HTTP\","
                + "\"connectedAt\":\"2026-12-06T18:00:00Z\",\"loggedInAt\":\"2026-12-06T18:00:01.500Z\",\"queued\":7,"
                + "\"delivered\":5,\"dropped\":1,\"pending\":1,\"maxLagMillis\":12}",
                SessionJson.view(new LiveSession.Here(null, s)).toString());
    }

    @Test
    void statisticsByEventNameAndBySession() {
        EventStatistics events = new EventStatistics(CONNECTED, List.of(new EventStatistics.EventCount("UserEvent", 3, 6)));
        SessionStatistics s = new SessionStatistics("0x2", "admin", "192.0.2.1:5000", "TLS", CONNECTED, CONNECTED, 7, 5,
                1, 1, 12);
        assertEquals("{\"since\":\"2026-12-06T18:00:00Z\",\"events\":[{\"name\":\"UserEvent\",\"fired\":3,\"delivered\":6}],"
                + "\"sessions\":[{\"id\":\"0x2\",\"username\":\"admin\",\"queued\":7,\"delivered\":5,\"dropped\":1}]}",
                SessionJson.statistics(events, List.of(s)).toString());
    }

    @Test
    void inAClusterASessionHereCarriesItsNodeAndCounters() {
        SessionStatistics s = new SessionStatistics("0x2", "Admin", "192.0.2.1:5000", "TCP", CONNECTED, CONNECTED, 7, 5, 1, 1,
                12);
        assertEquals("{\"id\":\"0x2\",\"node\":\"node-a\",\"username\":\"Admin\",\"address\":\"192.0.2.1:5000\","
                + "\"transport\":\"TCP\",\"connectedAt\":\"2026-12-06T18:00:00Z\",\"loggedInAt\":\"2026-12-06T18:00:00Z\","
                + "\"queued\":7,\"delivered\":5,\"dropped\":1,\"pending\":1,\"maxLagMillis\":12}",
                SessionJson.view(new LiveSession.Here("node-a", s)).toString());
    }

    @Test
    void anotherNodesSessionHasNoCountersNorConnectionTime() {
        RemoteSession r = new RemoteSession("node-b", "0x9", "ops", "[2001:db8::7]:50412", "HTTP", CONNECTED);
        assertEquals("{\"id\":\"0x9\",\"node\":\"node-b\",\"username\":\"ops\",\"address\":\"[2001:db8::7]:50412\","
                + "\"transport\":\"HTTP\",\"loggedInAt\":\"2026-12-06T18:00:00Z\"}",
                SessionJson.view(new LiveSession.Elsewhere(r)).toString());
    }
}
