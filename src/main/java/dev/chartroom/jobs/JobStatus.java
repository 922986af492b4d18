package dev.chartroom.jobs;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a stored job stands. A job that succeeded is no longer stored. */
enum JobStatus {
    /** Waiting for its run time. */
    READY,
    /** Claimed by a worker whose lease has not expired. */
    RUNNING,
    /** Failed for good; stays until revived with {@link Jobs#revive}. */
    DEAD;

    /** The stored and wire name: {@code ready}, {@code running}, {@code dead}. */
    @JsonValue
    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
