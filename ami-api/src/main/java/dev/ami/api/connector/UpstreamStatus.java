package dev.ami.api.connector;

import java.time.Instant;

/**
 * How ami's session with one upstream stands, for REST, metrics and the CLI.
 *
 * @param name             the upstream's name
 * @param address          {@code host:port} it connects to
 * @param state            where the connection is
 * @param since            when it entered that state
 * @param lastError        why the last attempt or session ended, null when none has
 * @param greeting         the upstream's greeting line ({@code Asterisk Call Manager/11.0.0}), null before one
 * @param nextAttempt      when it tries again ({@link State#RETRYING}), else null
 * @param logins           sessions opened (successful logins) since ami started
 * @param failures         connection or login attempts that failed
 * @param eventsReceived   events received from it
 * @param actionsForwarded requests forwarded to it
 * @param actionsPending   forwarded requests not yet fully answered
 * @param lagMicros        the round trip of the last keep-alive Ping, in microseconds; -1 before one
 */
public record UpstreamStatus(String name, String address, State state, Instant since, String lastError,
        String greeting, Instant nextAttempt, long logins, long failures, long eventsReceived, long actionsForwarded,
        int actionsPending, long lagMicros) {

    /** Where ami's session with an upstream is. */
    public enum State {
        /** stored with {@code enabled = no}: ami does not connect */
        DISABLED,
        /** connecting, reading the greeting or logging in */
        CONNECTING,
        /** logged in: events flow and actions are forwarded */
        CONNECTED,
        /** the last attempt or session failed; waiting (backing off) before the next */
        RETRYING
    }
}
