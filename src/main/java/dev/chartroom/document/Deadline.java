package dev.chartroom.document;

import java.time.Duration;

/** When one file's decoding must stop; checked between operators, streams and megabytes. */
final class Deadline {

    private final String what;
    private final Duration limit;
    private final long end;

    Deadline(String what, Duration limit) {
        this.what = what;
        this.limit = limit;
        this.end = System.nanoTime() + limit.toNanos();
    }

    boolean passed() {
        return System.nanoTime() - end > 0;
    }

    void check() throws DecodingLimitExceeded {
        if (passed()) {
            throw new DecodingLimitExceeded(what + " took more than " + seconds(limit) + " to read.");
        }
    }

    private static String seconds(Duration limit) {
        long millis = limit.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " seconds" : millis + " ms";
    }
}
