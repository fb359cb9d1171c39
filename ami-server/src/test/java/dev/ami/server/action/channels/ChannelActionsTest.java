package dev.ami.server.action.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ami.api.authority.Authority;
import dev.ami.api.connector.Account;
import dev.ami.server.testing.TestConnector;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The channel actions of an Asterisk with no channels, as recorded from Asterisk 22.10.1. */
class ChannelActionsTest {

    private final TestConnector connector = new TestConnector(TestConnector.GENERAL, List.of(
            Account.of("admin", "s3cret", Authority.NONE, Authority.ALL),
            Account.of("caller", "pw", Authority.NONE, Authority.parse("call"))));

    private TestConnector.Connection admin() {
        var c = connector.login("admin", "s3cret");
        c.read();
        return c;
    }

    @Test
    void getvarOfAnUnsetGlobal() {
        assertEquals("Response: Success\r\nActionID: 12\r\nVariable: NOT_SET_XYZ\r\nValue: \r\n\r\n",
                admin().exchange("Action: Getvar\r\nVariable: NOT_SET_XYZ\r\nActionID: 12\r\n\r\n"));
        var caller = connector.login("caller", "pw");
        caller.read();
        assertEquals("Response: Error\r\nMessage: GetVar Access Forbidden: Variable\r\n\r\n",
                caller.exchange("Action: Getvar\r\nVariable: ${SHELL(id)}\r\n\r\n"));
        assertEquals("Response: Error\r\nMessage: No variable specified\r\n\r\n", caller.exchange("Action: Getvar\r\n\r\n"));
    }

    @Test
    void hangup() {
        assertEquals("Response: Error\r\nActionID: 13\r\nMessage: No channel specified\r\n\r\n",
                admin().exchange("Action: Hangup\r\nActionID: 13\r\n\r\n"));
        assertEquals("Response: Error\r\nMessage: No such channel\r\n\r\n",
                admin().exchange("Action: Hangup\r\nChannel: PJSIP/100-00000001\r\n\r\n"));
    }

    @Test
    void coreShowChannelsAndStatusAreEmptyLists() {
        assertEquals("Response: Success\r\nActionID: 14\r\nEventList: start\r\nMessage: Channels will follow\r\n\r\n"
                        + "Event: CoreShowChannelsComplete\r\nActionID: 14\r\nEventList: Complete\r\nListItems: 0\r\n\r\n",
                admin().exchange("Action: CoreShowChannels\r\nActionID: 14\r\n\r\n"));
        assertEquals("Response: Success\r\nActionID: s1\r\nEventList: start\r\nMessage: Channel status will follow\r\n\r\n"
                        + "Event: StatusComplete\r\nActionID: s1\r\nEventList: Complete\r\nListItems: 0\r\nItems: 0\r\n\r\n",
                admin().exchange("Action: Status\r\nActionID: s1\r\n\r\n"));
    }
}
