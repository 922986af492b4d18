package dev.chartroom.jobs;

/**
 * Thrown by a {@link JobHandler} when another attempt cannot help (the input is what it is): the
 * job is dead after this attempt instead of retrying until its horizon.
 */
class PermanentFailure extends RuntimeException {

    /** @param reason what failed, stored on the job; never put keys or patient data here */
    public PermanentFailure(String reason, Throwable cause) {
        super(reason, cause);
    }

    public PermanentFailure(String reason) {
        super(reason);
    }
}
