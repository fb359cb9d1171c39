package dev.ami.server.connector;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Re-reads of the configuration one at a time. Each commit asks for a re-read; two re-reads under way
 * at once could read in one order and be applied in the other, leaving in force a snapshot read
 * before the later commit (an account just created would be "gone" again). Here a re-read asked
 * while one is under way waits for it and is then done once for all who asked meanwhile, so the
 * last snapshot applied is always read after the last request.
 *
 * @param <T> what a re-read gives
 */
final class SerialReloads<T> {

    private final Consumer<CompletableFuture<T>> start;

    // under this
    private CompletableFuture<T> running;
    private CompletableFuture<T> next;

    /**
     * @param start starts one re-read (on another thread) that completes the future it is given
     */
    SerialReloads(Consumer<CompletableFuture<T>> start) {
        this.start = start;
    }

    /** @return completes with a re-read that began after this call */
    CompletionStage<T> request() {
        CompletableFuture<T> now;
        synchronized (this) {
            if (running != null) {
                if (next == null) {
                    next = new CompletableFuture<>();
                }
                return next;
            }
            running = new CompletableFuture<>();
            now = running;
        }
        begin(now);
        return now;
    }

    private void begin(CompletableFuture<T> reRead) {
        reRead.whenComplete((result, failure) -> finished());
        start.accept(reRead);
    }

    private void finished() {
        CompletableFuture<T> queued;
        synchronized (this) {
            queued = next;
            next = null;
            running = queued;
        }
        if (queued != null) {
            begin(queued);
        }
    }
}
