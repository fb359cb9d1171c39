package dev.ami.server.http;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * The digest side of a session started by HTTP Digest (main/manager.c, auth_http_callback and
 * find_session_by_nonce): the user it belongs to, its current nonce (Asterisk's managerid), the one
 * before (oldnonce), the last nonce count and when the current nonce began.
 */
final class DigestState {

    /** What a request's nonce and count mean for the session. */
    enum Verdict {
        /** The nonce is current and the count went up: the request runs. */
        ACCEPTED,
        /** The client must retry with {@link #nonce()}: a stale 401. */
        STALE
    }

    private final String username;
    private long nonce;
    private long oldNonce;
    private long nc;
    private Instant nonceTime;

    /**
     * @param username the account's name as configured
     * @param nonce    the nonce the session starts with
     * @param nc       the count of the request that started it (0 without one); Asterisk leaves the count at 0 for
     *                 a new session, so that request could be replayed once more: here it is kept
     * @param now      when it started
     */
    DigestState(String username, long nonce, long nc, Instant now) {
        this.username = username;
        this.nonce = nonce;
        this.nc = nc;
        this.nonceTime = now;
    }

    /** @return true if a request with this user and nonce belongs to the session (current or previous nonce) */
    synchronized boolean owns(String user, long requestNonce) {
        return username.equalsIgnoreCase(user) && (requestNonce == nonce || requestNonce == oldNonce && oldNonce != 0);
    }

    /**
     * Checks a request of the session. The previous nonce is stale; so is the current one once the
     * count fails to go up or after {@link HttpDigest#NONCE_SECONDS}, and then a new nonce replaces
     * it (the count starts again), as auth_http_callback does.
     *
     * @param requestNonce the request's nonce
     * @param requestNc    its nonce count; empty without one (RFC 2069), which checks only the age
     * @param now          the time
     * @return the verdict; on {@link Verdict#STALE}, {@link #nonce()} is the nonce to send
     */
    synchronized Verdict check(long requestNonce, OptionalLong requestNc, Instant now) {
        if (requestNonce != nonce) {
            return Verdict.STALE;
        }
        if (requestNc.isPresent() && Long.compareUnsigned(nc, requestNc.getAsLong()) >= 0
                || now.getEpochSecond() - nonceTime.getEpochSecond() > HttpDigest.NONCE_SECONDS) {
            nc = 0;
            oldNonce = nonce;
            nonce = HttpDigest.newNonce();
            nonceTime = now;
            return Verdict.STALE;
        }
        nc = requestNc.orElse(nc);
        return Verdict.ACCEPTED;
    }

    /** @return the current nonce */
    synchronized long nonce() {
        return nonce;
    }
}
