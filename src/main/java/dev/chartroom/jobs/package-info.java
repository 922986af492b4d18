/**
 * The durable job queue: work that must happen after a write (document processing, extraction,
 * webhook delivery) is stored in the database in the same transaction as that write, and run by
 * workers on every node, once, with retries and a visible dead state.
 *
 * <p>Other modules call {@link dev.chartroom.jobs.Jobs} to enqueue and implement
 * {@link dev.chartroom.jobs.JobHandler} (as a Spring bean) to run their jobs.
 */
package dev.chartroom.jobs;
