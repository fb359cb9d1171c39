package dev.ami.api.login;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * Counts failed logins and locks out the guessers ({@link LockoutPolicy}), for every way into ami:
 * AMI over TCP and TLS, the HTTP manager's cookie login and digest forms, and the REST
 * administration. One per server, shared by all of them, safe from any thread. Before checking a
 * secret, a login asks {@link #lockout}; a refused one reports {@link #failed} and waits the delay
 * it returns before answering; an accepted one reports {@link #succeeded}, which ends that pair's
 * and that source's run of failures. Setting a lock is logged here, once, as a warning.
 *
 * <p>Memory is bounded: counts end {@link LockoutPolicy#lockout} after their last failure, and at
 * most {@link #MAX_TRACKED} of each kind are kept (beyond that, ended ones are swept, and while
 * still full a new pair or source is not counted; it still waits Asterisk's second).
 */
public final class LoginThrottle {

    /** Counts kept per kind at most. */
    public static final int MAX_TRACKED = 100_000;

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());

    private final Map<Pair, Count> pairs = new HashMap<>();
    private final Map<InetAddress, Count> sources = new HashMap<>();
    private final Map<String, Count> accounts = new HashMap<>();
    /**
     * True while no failure is counted (almost always): logins then pass the lockout check and
     * report their success without taking the lock, which every login of the server shares.
     */
    private volatile boolean nothingCounted = true;
    private LockoutPolicy policy;
    private final LongAdder accepted = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder refusedByLock = new LongAdder();

    /** @param policy the thresholds in force */
    public LoginThrottle(LockoutPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** @param next the thresholds from now on (a reload); counts and locks already set stay */
    public synchronized void policy(LockoutPolicy next) {
        policy = Objects.requireNonNull(next, "next");
    }

    /** @return the thresholds in force */
    public synchronized LockoutPolicy policy() {
        return policy;
    }

    /**
     * @param account the account name as the client gave it
     * @param source  the client's address
     * @param now     the time
     * @return the lock that refuses this login now, whatever its secret, if any
     */
    public Optional<Lockout> lockout(String account, InetAddress source, Instant now) {
        return nothingCounted ? Optional.empty() : lockedOut(account, source, now);
    }

    private synchronized Optional<Lockout> lockedOut(String account, InetAddress source, Instant now) {
        String name = key(account);
        Pair pair = new Pair(name, source);
        Optional<Lockout> lock = active(pairs.get(pair), now).map(c -> lock(Lockout.Scope.ACCOUNT_FROM_SOURCE, name, source, c))
                .or(() -> active(sources.get(source), now).map(c -> lock(Lockout.Scope.SOURCE, "", source, c)))
                .or(() -> active(accounts.get(name), now).map(c -> lock(Lockout.Scope.ACCOUNT, name, null, c)));
        if (lock.isPresent()) {
            refusedByLock.increment();
        }
        return lock;
    }

    /**
     * Counts a refused login (unknown account, refused address, wrong secret), or one refused by a lock.
     *
     * @param account the account name as the client gave it
     * @param source  the client's address
     * @param now     the time
     * @return how long to wait before answering, and the locks this failure set
     */
    public synchronized Failure failed(String account, InetAddress source, Instant now) {
        refused.increment();
        nothingCounted = false;
        String name = key(account);
        List<Lockout> imposed = new ArrayList<>();
        Count pair = count(pairs, new Pair(name, source), now);
        int inARow = pair == null ? 1 : pair.fail(now, policy.pairFailures(), policy.lockout());
        if (pair != null && pair.justLocked) {
            imposed.add(lock(Lockout.Scope.ACCOUNT_FROM_SOURCE, name, source, pair));
        }
        Count bySource = count(sources, source, now);
        if (bySource != null) {
            bySource.fail(now, policy.sourceFailures(), policy.lockout());
            if (bySource.justLocked) {
                imposed.add(lock(Lockout.Scope.SOURCE, "", source, bySource));
            }
        }
        Count byAccount = count(accounts, name, now);
        if (byAccount != null) {
            byAccount.fail(now, policy.accountFailures(), policy.lockout());
            if (byAccount.justLocked) {
                imposed.add(lock(Lockout.Scope.ACCOUNT, name, null, byAccount));
            }
        }
        for (Lockout l : imposed) {
            LOG.warning(() -> "Logins locked for " + l.describe() + " until " + l.until() + " after " + l.failures()
                    + " failures in a row");
        }
        return new Failure(policy.delayAfter(inARow), List.copyOf(imposed));
    }

    /**
     * Ends the runs of failures of this pair and this source (and the account's count from elsewhere):
     * the right secret was given while no lock held.
     *
     * @param account the account name as the client gave it
     * @param source  the client's address
     * @param now     the time
     */
    public void succeeded(String account, InetAddress source, Instant now) {
        accepted.increment();
        if (!nothingCounted) {
            forgetRun(account, source, now);
        }
    }

    private synchronized void forgetRun(String account, InetAddress source, Instant now) {
        String name = key(account);
        removeUnlocked(pairs, new Pair(name, source), now);
        removeUnlocked(sources, source, now);
        removeUnlocked(accounts, name, now);
        markIfEmpty();
    }

    /** Under the lock: once every count is gone, logins take the fast path again. */
    private void markIfEmpty() {
        if (pairs.isEmpty() && sources.isEmpty() && accounts.isEmpty()) {
            nothingCounted = true;
        }
    }

    /** @return logins (and digest requests) whose credentials were right, since the start */
    public long accepted() {
        return accepted.sum();
    }

    /** @return logins refused for their credentials or address, since the start */
    public long refused() {
        return refused.sum();
    }

    /** @return logins refused by a lock, whatever their secret, since the start */
    public long refusedByLock() {
        return refusedByLock.sum();
    }

    /** @return the locks in force, the latest ending first */
    public synchronized List<Lockout> lockouts(Instant now) {
        List<Lockout> all = new ArrayList<>();
        pairs.forEach((k, c) -> active(c, now).ifPresent(l -> all.add(lock(Lockout.Scope.ACCOUNT_FROM_SOURCE, k.account(),
                k.source(), c))));
        sources.forEach((k, c) -> active(c, now).ifPresent(l -> all.add(lock(Lockout.Scope.SOURCE, "", k, c))));
        accounts.forEach((k, c) -> active(c, now).ifPresent(l -> all.add(lock(Lockout.Scope.ACCOUNT, k, null, c))));
        all.sort(Comparator.comparing(Lockout::until).reversed());
        return all;
    }

    /**
     * Lifts locks and forgets their counts.
     *
     * @param account only locks naming this account (any case), or null for any
     * @param source  only locks naming this address, or null for any
     * @return how many counts were forgotten
     */
    public synchronized int clear(String account, InetAddress source) {
        String name = account == null ? null : key(account);
        Predicate<String> accountMatches = a -> name == null || name.equals(a);
        Predicate<InetAddress> sourceMatches = s -> source == null || source.equals(s);
        int before = pairs.size() + sources.size() + accounts.size();
        pairs.keySet().removeIf(p -> accountMatches.test(p.account()) && sourceMatches.test(p.source()));
        if (name == null) {
            sources.keySet().removeIf(sourceMatches);
        }
        if (source == null) {
            accounts.keySet().removeIf(accountMatches);
        }
        markIfEmpty();
        return before - pairs.size() - sources.size() - accounts.size();
    }

    private <K> Count count(Map<K, Count> counts, K key, Instant now) {
        Count c = counts.get(key);
        if (c != null) {
            return c;
        }
        if (counts.size() >= MAX_TRACKED) {
            Instant horizon = now.minus(policy.lockout());
            counts.values().removeIf(old -> old.lastFailure.isBefore(horizon) && !old.lockedAt(now));
            if (counts.size() >= MAX_TRACKED) {
                return null;
            }
        }
        c = new Count();
        counts.put(key, c);
        return c;
    }

    private static <K> void removeUnlocked(Map<K, Count> counts, K key, Instant now) {
        Count c = counts.get(key);
        if (c != null && !c.lockedAt(now)) {
            counts.remove(key);
        }
    }

    private static Optional<Count> active(Count c, Instant now) {
        return c != null && c.lockedAt(now) ? Optional.of(c) : Optional.empty();
    }

    private static Lockout lock(Lockout.Scope scope, String account, InetAddress source, Count c) {
        return new Lockout(scope, account, source, c.failures, c.lockedUntil);
    }

    private static String key(String account) {
        return account == null ? "" : account.toLowerCase(Locale.ROOT);
    }

    /**
     * What a refused login does next.
     *
     * @param delay   how long to wait before answering it
     * @param imposed the locks this failure set (to log and report), usually none
     */
    public record Failure(Duration delay, List<Lockout> imposed) {
    }

    private record Pair(String account, InetAddress source) {
    }

    /** A run of failures in a row; guarded by the throttle's lock. */
    private static final class Count {
        private int failures;
        private Instant lastFailure = Instant.MIN;
        private Instant lockedUntil;
        private boolean justLocked;

        /** @return the failures in a row, this one included */
        int fail(Instant now, int threshold, Duration lockout) {
            justLocked = false;
            if (lockedUntil != null && !now.isBefore(lockedUntil)) {
                // a lock that has run out starts a new run
                lockedUntil = null;
                failures = 0;
            } else if (lockedUntil == null && lastFailure.plus(lockout).isBefore(now)) {
                failures = 0; // an old run is forgotten
            }
            failures++;
            lastFailure = now;
            if (lockedUntil == null && threshold > 0 && failures >= threshold) {
                lockedUntil = now.plus(lockout);
                justLocked = true;
            }
            return failures;
        }

        boolean lockedAt(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }
    }
}
