package dev.ami.server.http;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The nonces this server has issued in a 401 and no session has taken yet. A digest session can
 * only start from one of them, used within {@link HttpDigest#NONCE_SECONDS} of its issue, and once.
 * Asterisk does not remember its nonces: auth_http_callback (main/manager.c) starts a session for
 * any nonce that parses as hex, so an overheard request could be replayed once its session had
 * gone; here such a request gets a stale 401 and a fresh nonce, which digest clients follow.
 * Bounded: past {@link #MAX} outstanding nonces the oldest are forgotten.
 */
final class DigestNonces {

    /** Outstanding nonces kept at most. */
    static final int MAX = 4096;

    private final Map<Long, Instant> issued = new LinkedHashMap<>();

    /** @return a new nonce, remembered as issued now */
    synchronized long issue(Instant now) {
        long nonce;
        do {
            nonce = HttpDigest.newNonce();
        } while (issued.containsKey(nonce));
        issued.put(nonce, now);
        if (issued.size() > MAX) {
            Iterator<Long> oldest = issued.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return nonce;
    }

    /** @return true, once, if the nonce was issued here and is not older than a nonce may be */
    synchronized boolean redeem(long nonce, Instant now) {
        Instant at = issued.remove(nonce);
        return at != null && now.getEpochSecond() - at.getEpochSecond() <= HttpDigest.NONCE_SECONDS;
    }

    /** Forgets the nonces too old to be redeemed. */
    synchronized void purge(Instant now) {
        issued.values().removeIf(at -> now.getEpochSecond() - at.getEpochSecond() > HttpDigest.NONCE_SECONDS);
    }
}
