package dev.ami.server.http;

import dev.ami.api.connector.SessionThread;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** One of the connector's event loops as the thread of HTTP sessions whose request named no thread of its own. */
record LoopThread(EventExecutor loop) implements SessionThread {

    @Override
    public boolean inThread() {
        return loop.inEventLoop();
    }

    @Override
    public void execute(Runnable work) {
        loop.execute(work);
    }

    @Override
    public Timer schedule(Runnable work, Duration delay) {
        ScheduledFuture<?> timer = loop.schedule(work, delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> timer.cancel(false);
    }
}
