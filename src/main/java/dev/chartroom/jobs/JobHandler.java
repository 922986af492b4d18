package dev.chartroom.jobs;

/**
 * Runs the jobs of one type. Declare an implementation as a Spring bean; the workers of every node
 * find it and claim only the types they have a handler for.
 *
 * <p>A job may run more than once (a node dies after the work but before the job is marked done),
 * so {@link #run} must be safe to repeat. Returning normally completes the job; throwing retries it
 * per {@link #retryPolicy}, unless the failure is {@link #permanent}; {@link RetryLater} names the
 * earliest time of the next attempt. An {@link Error} thrown by a handler fails the attempt like an exception.
 */
public interface JobHandler {

    /** The job type this handler runs, e.g. {@code webhook.deliver}. */
    String type();

    void run(Job job) throws Exception;

    /** How failed jobs of this type are retried; the configured default unless overridden. */
    default RetryPolicy retryPolicy(RetryPolicy defaults) {
        return defaults;
    }

    /**
     * Whether a failure of {@link #run} makes the job dead at once rather than retried; by default
     * {@link Failures#deterministic}: a {@link PermanentFailure} or a plain bug, not I/O or the database.
     */
    default boolean permanent(Throwable failure) {
        return Failures.deterministic(failure);
    }

    /**
     * Called once when a job of this type is dead (its attempts used, or a permanent failure), after
     * that is stored, so the handler can record the failure where users see it. Default: nothing.
     *
     * @param cause the last attempt's failure; null when that attempt's node stopped before finishing
     */
    default void dead(Job job, Throwable cause) {}
}
