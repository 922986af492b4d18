package dev.chartroom.jobs;

/**
 * Runs the jobs of one type. Declare an implementation as a Spring bean; the workers of every node
 * find it and claim only the types they have a handler for.
 *
 * <p>A job may run more than once (a node dies after the work but before the job is marked done),
 * so {@link #run} must be safe to repeat. Returning normally completes the job; throwing retries it
 * per {@link #retryPolicy}; {@link RetryLater} names the earliest time of the next attempt.
 */
public interface JobHandler {

    /** The job type this handler runs, e.g. {@code webhook.deliver}. */
    String type();

    void run(Job job) throws Exception;

    /** How failed jobs of this type are retried; the configured default unless overridden. */
    default RetryPolicy retryPolicy(RetryPolicy defaults) {
        return defaults;
    }
}
