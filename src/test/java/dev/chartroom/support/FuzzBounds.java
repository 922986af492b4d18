package dev.chartroom.support;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.opentest4j.AssertionFailedError;

/**
 * The time invariant of the fuzz targets: one input is read within a bound, or it is a finding.
 * Measured rather than interrupted, so the finding keeps the input that was slow.
 */
public final class FuzzBounds {

    private FuzzBounds() {
    }

    public static <T> T within(Duration bound, String what, Callable<T> work) throws Exception {
        long start = System.nanoTime();
        T result = work.call();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (took.compareTo(bound) > 0) {
            throw new AssertionFailedError(what + " took " + took.toMillis() + " ms, more than " + bound.toMillis() + " ms");
        }
        return result;
    }
}
