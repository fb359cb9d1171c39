package dev.ami.server.upstream;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records what a connection tells the traffic, as lines: connected, a message's lines, disconnected. */
final class RecordingTraffic implements UpstreamTraffic {

    final BlockingQueue<String> calls = new LinkedBlockingQueue<>();
    volatile int pending;

    @Override
    public void connected(UpstreamChannel upstream) {
        calls.add("connected " + upstream.name());
    }

    @Override
    public void received(UpstreamChannel upstream, UpstreamMessage message) {
        calls.add(String.join("|", message.lines()));
    }

    @Override
    public void disconnected(UpstreamChannel upstream, String why) {
        calls.add("disconnected " + upstream.name() + ": " + why);
    }

    @Override
    public int pending(String upstream) {
        return pending;
    }

    /** @return the next call, waiting for it */
    String next() throws InterruptedException {
        String call = calls.poll(20, TimeUnit.SECONDS);
        if (call == null) {
            throw new AssertionError("nothing reached the traffic");
        }
        return call;
    }

    /** @return the next call that starts so, skipping others */
    String nextStarting(String prefix) throws InterruptedException {
        while (true) {
            String call = next();
            if (call.startsWith(prefix)) {
                return call;
            }
        }
    }
}
