package dev.ami.api.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** Routed events reach an application one at a time, in order, and a full queue drops instead of blocking. */
class SerialDeliveryTest {

    /** Runs tasks only when asked, like a busy executor. */
    private static final class ManualExecutor implements Executor {
        final Queue<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            Runnable r;
            while ((r = tasks.poll()) != null) {
                r.run();
            }
        }
    }

    @Test
    void itemsArriveInOrderWithOneTaskAtATime() {
        ManualExecutor executor = new ManualExecutor();
        List<Integer> seen = new ArrayList<>();
        SerialDelivery<Integer> delivery = new SerialDelivery<>(10, executor, seen::add, "test");
        for (int i = 0; i < 5; i++) {
            delivery.offer(i);
        }
        assertEquals(1, executor.tasks.size());
        executor.runAll();
        assertEquals(List.of(0, 1, 2, 3, 4), seen);
    }

    @Test
    void aFullQueueDropsAndCounts() {
        ManualExecutor executor = new ManualExecutor();
        List<Integer> seen = new ArrayList<>();
        SerialDelivery<Integer> delivery = new SerialDelivery<>(3, executor, seen::add, "test");
        for (int i = 0; i < 5; i++) {
            delivery.offer(i);
        }
        executor.runAll();
        assertEquals(List.of(0, 1, 2), seen);
        assertEquals(2, delivery.dropped());
    }

    @Test
    void aFailingConsumerDoesNotStopTheOthers() {
        ManualExecutor executor = new ManualExecutor();
        List<Integer> seen = new ArrayList<>();
        SerialDelivery<Integer> delivery = new SerialDelivery<>(10, executor, i -> {
            if (i == 1) {
                throw new IllegalStateException("observer bug");
            }
            seen.add(i);
        }, "test");
        delivery.offer(0);
        delivery.offer(1);
        delivery.offer(2);
        executor.runAll();
        assertEquals(List.of(0, 2), seen);
    }
}
