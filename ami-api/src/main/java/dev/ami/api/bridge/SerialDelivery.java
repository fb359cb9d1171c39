package dev.ami.api.bridge;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Hands items to a consumer one at a time, in order, on an application's managed executor, without
 * ever blocking the caller: when the bounded queue is full the item is dropped and counted.
 *
 * @param <T> the item type
 */
final class SerialDelivery<T> {

    private static final Logger LOG = Logger.getLogger(SerialDelivery.class.getName());

    private final BlockingQueue<T> queue;
    private final Executor executor;
    private final Consumer<T> consumer;
    private final String label;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong();

    SerialDelivery(int capacity, Executor executor, Consumer<T> consumer, String label) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.executor = executor;
        this.consumer = consumer;
        this.label = label;
    }

    /** Queues an item; never blocks. */
    void offer(T item) {
        if (!queue.offer(item)) {
            long n = dropped.incrementAndGet();
            if (Long.bitCount(n) == 1) { // 1, 2, 4, 8…: a trace without flooding the log
                LOG.warning(() -> label + " cannot keep up: " + n + " routed events dropped so far");
            }
            return;
        }
        if (draining.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    /** @return how many items were dropped because the queue was full */
    long dropped() {
        return dropped.get();
    }

    private void drain() {
        while (true) {
            T item;
            while ((item = queue.poll()) != null) {
                try {
                    consumer.accept(item);
                } catch (RuntimeException | LinkageError e) {
                    LOG.log(java.util.logging.Level.WARNING, label + " failed on a routed event", e);
                }
            }
            draining.set(false);
            // an item offered after the last poll but before the flag was cleared is ours to drain
            if (queue.isEmpty() || !draining.compareAndSet(false, true)) {
                return;
            }
        }
    }
}
