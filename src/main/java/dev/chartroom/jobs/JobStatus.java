package dev.chartroom.jobs;

/** Where a stored job stands. A job that succeeded is no longer stored. */
public enum JobStatus {
    /** Waiting for its run time. */
    READY,
    /** Claimed by a worker whose lease has not expired. */
    RUNNING,
    /** Failed for good; stays until revived with {@link Jobs#revive}. */
    DEAD;

    String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
