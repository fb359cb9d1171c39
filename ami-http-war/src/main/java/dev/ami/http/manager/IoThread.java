package dev.ami.http.manager;

import dev.ami.api.connector.SessionThread;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.xnio.XnioIoThread;

/**
 * Undertow's I/O thread that read a request, as the thread of the HTTP manager sessions that
 * request makes: their next requests on the same connection are then answered on the thread that
 * reads them, with no hand-over to another thread and back.
 */
record IoThread(XnioIoThread thread) implements SessionThread {

    @Override
    public boolean inThread() {
        return Thread.currentThread() == thread;
    }

    @Override
    public void execute(Runnable work) {
        thread.execute(work);
    }

    @Override
    public Timer schedule(Runnable work, Duration delay) {
        var key = thread.executeAfter(work, delay.toNanos(), TimeUnit.NANOSECONDS);
        return key::remove;
    }
}
