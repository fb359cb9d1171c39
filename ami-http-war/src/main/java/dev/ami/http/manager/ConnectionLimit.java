package dev.ami.http.manager;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * http.conf's {@code sessionlimit} as Asterisk means it: at most that many connections at once
 * (main/http.c counts its HTTP sessions per connection, HTTPS with them), one over it closed at
 * once. A connection counts from its first request, since the listener hands nothing earlier to
 * the manager; a client that never finishes a request head is bounded by the listener instead
 * (ListenerPlan: a hard cap, and a deadline for the head).
 */
final class ConnectionLimit {

    private final Set<Object> counted = ConcurrentHashMap.newKeySet();
    private final AtomicInteger size = new AtomicInteger();

    /**
     * @param connection the connection a request came on
     * @param limit      sessionlimit
     * @param onClose    registers what must run when the connection closes
     * @return true if the connection is (already, or now) counted; false if it is over the limit
     */
    boolean admit(Object connection, int limit, Consumer<Runnable> onClose) {
        if (counted.contains(connection)) {
            return true;
        }
        int now;
        do {
            now = size.get();
            if (now >= limit) {
                return false;
            }
        } while (!size.compareAndSet(now, now + 1));
        counted.add(connection);
        onClose.accept(() -> {
            if (counted.remove(connection)) {
                size.decrementAndGet();
            }
        });
        return true;
    }

    /** @return the connections counted now */
    int size() {
        return size.get();
    }
}
