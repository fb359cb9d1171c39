package dev.ami.server.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class SerialReloadsTest {

    /** The re-reads started, in order; the test completes them. */
    private final List<CompletableFuture<String>> started = new ArrayList<>();
    private final SerialReloads<String> reloads = new SerialReloads<>(started::add);

    @Test
    void aRequestWhileIdleStartsAReReadAtOnce() {
        CompletionStage<String> first = reloads.request();

        assertEquals(1, started.size());
        started.get(0).complete("snapshot 1");
        assertEquals("snapshot 1", first.toCompletableFuture().join());
        reloads.request();
        assertEquals(2, started.size());
    }

    @Test
    void requestsDuringAReReadShareOneReReadThatStartsAfterIt() {
        CompletionStage<String> first = reloads.request();
        CompletionStage<String> second = reloads.request();
        CompletionStage<String> third = reloads.request();

        assertEquals(1, started.size(), "no second re-read while the first is under way");
        assertSame(second, third);
        started.get(0).complete("read before the later commits");
        assertEquals(2, started.size(), "the queued re-read starts once the first is done");
        assertFalse(second.toCompletableFuture().isDone(), "the later requests get the later read, not the first");
        started.get(1).complete("read after them");
        assertEquals("read before the later commits", first.toCompletableFuture().join());
        assertEquals("read after them", third.toCompletableFuture().join());
        assertEquals(2, started.size());
    }

    @Test
    void aFailedReReadStillStartsTheQueuedOne() {
        CompletionStage<String> first = reloads.request();
        CompletionStage<String> second = reloads.request();

        started.get(0).completeExceptionally(new IllegalStateException("database away"));

        assertTrue(first.toCompletableFuture().isCompletedExceptionally());
        assertEquals(2, started.size());
        started.get(1).complete("back");
        assertEquals("back", second.toCompletableFuture().join());
    }
}
