package dev.ami.server.connector;

import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs Netty's event loops on the container's threads: each loop is one long-lived Work item of
 * the adapter's WorkManager, so the container knows every thread the connector uses.
 */
final class WorkManagerExecutor implements Executor {

    private final WorkManager workManager;

    WorkManagerExecutor(WorkManager workManager) {
        this.workManager = workManager;
    }

    @Override
    public void execute(Runnable command) {
        try {
            workManager.scheduleWork(new RunnableWork(command), WorkManager.INDEFINITE, null, null);
        } catch (WorkException e) {
            throw new RejectedExecutionException("The container refused an AMI connector thread", e);
        }
    }

    /** A Work wrapper; event loops end when the group shuts down, so release() has nothing to do. */
    record RunnableWork(Runnable command) implements Work {

        @Override
        public void run() {
            command.run();
        }

        @Override
        public void release() {
            // The adapter's stop() shuts the event loop group down, which ends this work.
        }
    }
}
