package dev.chartroom.document;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A few platform threads for CPU-heavy decoding (PDF text, thumbnails). Requests and jobs run on
 * virtual threads, which the JVM does not preempt: a long decode there holds one of the few carrier
 * threads and stalls every other request. Here it holds a pool thread, the caller's virtual thread
 * waits unmounted, and the operating system shares the cores. A caller waits for a free thread at
 * most {@code maxWait}, then gets {@link DecodingBusyException}.
 */
final class DecodingPool implements AutoCloseable {

    private final ExecutorService executor;
    private final Semaphore slots;
    private final Duration maxWait;
    private final Duration retryAfter;

    /**
     * @param threads    decodes at once
     * @param maxWait    how long a caller waits for one of them
     * @param retryAfter what a refused caller is told to wait (about one decode's time limit)
     */
    DecodingPool(int threads, Duration maxWait, Duration retryAfter) {
        this.executor = Executors.newFixedThreadPool(
                threads, Thread.ofPlatform().name("decoding-", 0).daemon(true).factory());
        this.slots = new Semaphore(threads, true);
        this.maxWait = maxWait;
        this.retryAfter = retryAfter;
    }

    /** Runs the work on a pool thread and waits for its result; its exceptions come back as thrown. */
    <T> T run(Callable<T> work) {
        try {
            if (!slots.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new DecodingBusyException(retryAfter);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DecodingBusyException(retryAfter);
        }
        Future<T> result;
        try {
            result = executor.submit(() -> {
                try {
                    return work.call();
                } finally {
                    slots.release(); // when the work ends, even if its caller stopped waiting
                }
            });
        } catch (RejectedExecutionException e) {
            slots.release();
            throw new DecodingBusyException(retryAfter);
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DecodingBusyException(retryAfter);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IllegalStateException("decoding failed", e.getCause());
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
