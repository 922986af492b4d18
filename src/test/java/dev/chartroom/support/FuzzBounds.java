package dev.chartroom.support;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.opentest4j.AssertionFailedError;

/**
 * The time invariant of the fuzz targets: one input is read within a bound, or it is a finding.
 * Measured rather than interrupted, so the finding keeps the input that was slow. A run over the
 * bound is timed once more before it counts: the first run of a code path also pays for class
 * loading and Jazzer's instrumentation, and a shared machine pauses; a slow input is slow twice.
 */
public final class FuzzBounds {

    private FuzzBounds() {}

    /** @param work repeatable: it is called a second time when the first run is over the bound */
    public static <T> T within(Duration bound, String what, Callable<T> work) throws Exception {
        long start = System.nanoTime();
        T result = work.call();
        if (Duration.ofNanos(System.nanoTime() - start).compareTo(bound) <= 0) {
            return result;
        }
        start = System.nanoTime();
        result = work.call();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (took.compareTo(bound) > 0) {
            throw new AssertionFailedError(
                    what + " took " + took.toMillis() + " ms twice, more than " + bound.toMillis() + " ms");
        }
        return result;
    }
}
