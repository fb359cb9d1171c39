package dev.ami.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * (i) Events collected over HTTP: N HTTP manager sessions (each on its own keep-alive connection)
 * loop {@code /rawman?action=waitevent} while scenario c's producers fire UserEvents over TCP, paced
 * by the slowest session; each session checks count and order as c's listeners do. An answer
 * carries every event queued for the session since the previous one, so the figure is events
 * delivered, not requests.
 */
final class WaitEventScenario {

    /** The WaitEvent Timeout asked for; events come far sooner while the producers run. */
    static final int TIMEOUT_SECONDS = 20;

    record Result(FanOutScenario.Result fanOut, long polls, long received, String firstFailure) {
        double eventsPerAnswer() {
            return polls == 0 ? 0 : (double) received / polls;
        }
    }

    private final NettyClient client;
    private final FanOutScenario fanOut;
    private final int port;
    private final RawmanRequests requests;

    WaitEventScenario(NettyClient client, FanOutScenario fanOut, int port) {
        this.client = client;
        this.fanOut = fanOut;
        this.port = port;
        this.requests = new RawmanRequests(port);
    }

    Result run(int sessions, int producers, Duration warmup, Duration measure) throws Exception {
        List<WaitEventPoller> pollers = new ArrayList<>(sessions);
        for (int i = 0; i < sessions; i++) {
            WaitEventPoller poller = new WaitEventPoller(requests, producers, TIMEOUT_SECONDS);
            pollers.add(poller);
            client.connect(poller, port).addListener(f -> {
                if (!f.isSuccess()) {
                    poller.loggedIn.completeExceptionally(f.cause());
                }
            });
        }
        try {
            CompletableFuture.allOf(pollers.stream().map(p -> p.loggedIn).toArray(CompletableFuture[]::new))
                    .get(60, TimeUnit.SECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            end(pollers);
            throw new IllegalStateException("not every HTTP session logged in: " + e, e);
        }
        FanOutScenario.Result result = fanOut.run(pollers, () -> end(pollers), producers, warmup, measure);
        long polls = 0;
        long received = 0;
        String firstFailure = null;
        for (WaitEventPoller p : pollers) {
            polls += p.polls();
            received += p.sequence().received();
            firstFailure = firstFailure == null ? p.failure() : firstFailure;
        }
        return new Result(result, polls, received, firstFailure);
    }

    /**
     * Ends every session with a Logoff on a connection of its own, which also answers the pending
     * WaitEvent, then closes the polling connections.
     */
    private void end(List<WaitEventPoller> pollers) {
        for (WaitEventPoller p : pollers) {
            p.stop();
        }
        for (WaitEventPoller p : pollers) {
            if (p.cookie() == null) {
                continue;
            }
            try (BlockingHttp connection = new BlockingHttp(port)) {
                connection.exchange(requests.logoff(p.cookie(), false));
            } catch (IOException e) {
                System.err.println("warning: an HTTP session's Logoff failed: " + e);
            }
        }
        for (WaitEventPoller p : pollers) {
            if (p.channel() != null) {
                p.channel().close().awaitUninterruptibly(10, TimeUnit.SECONDS);
            }
        }
    }
}
