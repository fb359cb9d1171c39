package dev.ami.bench;

import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Password guessing on one account from one address: {@code parallel} connections at once, each
 * connecting, sending a Login with a wrong secret, waiting for the refusal (and the server's
 * close) and starting over, until stopped. Afterwards one Login with the right secret from the
 * same address shows whether the account is locked for it. Blocking sockets on threads of its
 * own: the refusals are slow (a second and more), the threads wait, nothing spins.
 */
final class PasswordGuessing implements Attack {

    private static final int TIMEOUT_MILLIS = 30_000;

    private final String from;
    private final int parallel;
    private final int port;
    private final List<Thread> threads = new ArrayList<>();
    private final Set<BlockingAmi> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong guesses = new AtomicLong();
    private final AtomicLong refusals = new AtomicLong();
    private final AtomicLong refusedConnections = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final Latencies answerTimes = new Latencies();
    private volatile String firstError;
    private volatile boolean running;
    private String rightSecretAfterwards = "not tried";

    /**
     * @param from     the guesser's address
     * @param parallel guesses in flight at once (the address's admission share is 10)
     * @param port     the server's AMI port
     */
    PasswordGuessing(String from, int parallel, int port) {
        this.from = from;
        this.parallel = parallel;
        this.port = port;
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < parallel; i++) {
            int worker = i;
            Thread t = new Thread(() -> guess(worker), "reliability-guesser-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    private void guess(int worker) {
        long n = 0;
        while (running) {
            n++;
            BlockingAmi ami;
            try {
                ami = new BlockingAmi(from, port, TIMEOUT_MILLIS);
            } catch (IOException e) {
                error(e.toString());
                pause(100);
                continue;
            }
            open.add(ami);
            try {
                guessOnce(ami, worker, n);
            } catch (EOFException refused) {
                // over the address's share for a moment (a closing guess not yet counted off): closed without a word
                refusedConnections.incrementAndGet();
                pause(100);
            } catch (IOException e) {
                if (running) {
                    error(e.toString());
                    pause(100);
                }
            } finally {
                open.remove(ami);
                closeQuietly(ami);
            }
        }
    }

    private void guessOnce(BlockingAmi ami, int worker, long n) throws IOException {
        ami.greeting();
        long sent = System.nanoTime();
        ami.send("Action: Login\r\nUsername: " + BenchOptions.USER + "\r\nSecret: guess-" + worker + "-" + n + "\r\n\r\n");
        guesses.incrementAndGet();
        AmiMessage answer;
        try {
            answer = ami.next();
        } catch (EOFException e) {
            throw new IOException("the server closed the connection instead of refusing the guess", e);
        }
        long took = System.nanoTime() - sent;
        if (answer.isResponse(AmiMessage.ERROR)) {
            refusals.incrementAndGet();
            synchronized (answerTimes) {
                answerTimes.add(took);
            }
        } else {
            error("a wrong secret was answered " + answer);
        }
    }

    private static void closeQuietly(BlockingAmi ami) {
        try {
            ami.close();
        } catch (IOException ignored) {
            // closing is all that is left to do
        }
    }

    private void error(String what) {
        errors.incrementAndGet();
        if (firstError == null) {
            firstError = what;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() throws InterruptedException {
        running = false;
        for (BlockingAmi a : open) {
            closeQuietly(a);
        }
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(TIMEOUT_MILLIS / 1000 + 5));
        }
        rightSecretAfterwards = tryRightSecret();
    }

    /** @return how a Login with the right secret from the guesser's address is answered now */
    private String tryRightSecret() {
        // the guesses just closed may still count against the address's share for a moment
        for (int attempt = 0; attempt < 10; attempt++) {
            try (BlockingAmi ami = new BlockingAmi(from, port, TIMEOUT_MILLIS)) {
                ami.greeting();
                long sent = System.nanoTime();
                ami.send("Action: Login\r\nUsername: " + BenchOptions.USER + "\r\nSecret: " + BenchOptions.SECRET
                        + "\r\nEvents: off\r\n\r\n");
                AmiMessage answer = ami.next();
                String verdict = answer.isResponse(AmiMessage.SUCCESS) ? "accepted (no lock)" : "refused (locked)";
                return String.format(Locale.ROOT, "%s after %.1f s", verdict, (System.nanoTime() - sent) / 1e9);
            } catch (EOFException refused) {
                pause(200);
            } catch (IOException e) {
                return "not answered: " + e;
            }
        }
        return "not answered: every connection closed without a greeting";
    }

    @Override
    public String summary() {
        Latencies.Quantiles q;
        int answered;
        synchronized (answerTimes) {
            answered = answerTimes.count();
            q = answerTimes.quantiles();
        }
        return String.format(Locale.ROOT, "%d guessers at once from %s on account %s: %,d wrong secrets sent, %,d refused"
                        + " (answer after p50 %.1f s, max %.1f s), %,d connections closed unanswered (over the share),"
                        + " %,d errors%s; the right secret from %s afterwards: %s",
                parallel, from, BenchOptions.USER, guesses.get(), refusals.get(), answered == 0 ? 0 : q.p50Micros() / 1e6,
                answered == 0 ? 0 : q.maxMicros() / 1e6, refusedConnections.get(), errors.get(),
                firstError == null ? "" : " (first: " + firstError + ")", from, rightSecretAfterwards);
    }

    @Override
    public String shortfall() {
        if (refusals.get() < parallel) {
            return "fewer than " + parallel + " guesses were answered (" + guesses.get() + " sent, " + errors.get() + " errors)";
        }
        return null;
    }
}
