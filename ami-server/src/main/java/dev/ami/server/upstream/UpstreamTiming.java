package dev.ami.server.upstream;

import java.time.Duration;

/**
 * The clocks of a session with an upstream.
 *
 * @param ping           how often the keep-alive Ping goes out; an answer not back by the next one ends the session
 * @param connectTimeout how long a TCP connect may take
 * @param loginTimeout   how long the greeting, Challenge, Login and ListCommands may take together
 * @param minBackoff     the wait after the first failed attempt (and after a lost session)
 * @param maxBackoff     the longest wait between attempts
 */
public record UpstreamTiming(Duration ping, Duration connectTimeout, Duration loginTimeout, Duration minBackoff,
        Duration maxBackoff) {

    /** Keep-alive every 10 s, backoff from 1 s to 60 s. */
    public static final UpstreamTiming DEFAULT = new UpstreamTiming(Duration.ofSeconds(10), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(60));

    /**
     * Exponential backoff with jitter: the wait doubles with each failure in a row, from
     * {@link #minBackoff} up to {@link #maxBackoff}, and is spread over 80-120 % of that (never past
     * the bounds), so that upstreams that failed together (ami's own restart, a network cut) are not
     * retried in step.
     *
     * @param failuresInARow attempts that failed since the last login, at least 1
     * @param random         a number in [0, 1)
     * @return how long to wait before the next attempt
     */
    public Duration backoff(int failuresInARow, double random) {
        long min = minBackoff.toMillis();
        long max = maxBackoff.toMillis();
        int doublings = Math.min(Math.max(failuresInARow, 1) - 1, 30);
        double base = Math.min(max, min * Math.pow(2, doublings));
        long spread = Math.round(base * (0.8 + 0.4 * random));
        return Duration.ofMillis(Math.max(min, Math.min(max, spread)));
    }
}
