package dev.chartroom.jobs;

import dev.chartroom.tenant.OrganizationId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Enqueues durable background work: the entry point of the jobs module.
 *
 * <p>Call it inside the transaction of the write that causes the work: the job row is inserted
 * through that transaction, so it exists exactly when the write does, survives a crash or restart,
 * and is run once by one node's worker (see {@link JobHandler} for what "once" means on a crash).
 * Outside a transaction the job is committed at once.
 *
 * <p><b>Why a queue of our own rather than db-scheduler:</b> jobs here belong to organizations and
 * must end in a dead state an organization can list and revive; db-scheduler drops or endlessly
 * retries failed one-time tasks, keeps no organization, and needs its data source wrapped to join
 * Spring transactions. The queue is one table and one claim statement that is correct on both
 * PostgreSQL and H2 (see {@code JobQueue}).
 */
@Service
public class Jobs {

    private final JobQueue queue;
    private final JobSignal signal;
    private final Clock clock;

    Jobs(JobQueue queue, JobSignal signal, Clock clock) {
        this.queue = queue;
        this.signal = signal;
        this.clock = clock;
    }

    /** Enqueues a system job (no organization) to run as soon as a worker is free; returns its id. */
    public String enqueue(String type, String payloadJson) {
        return enqueueFor(null, type, payloadJson, null);
    }

    /** Enqueues a system job to run at {@code runAt} or later; returns its id. */
    public String enqueue(String type, String payloadJson, Instant runAt) {
        return enqueueFor(null, type, payloadJson, runAt);
    }

    /** Enqueues a job of an organization (listed to it when dead) to run as soon as possible; returns its id. */
    public String enqueueFor(OrganizationId organizationId, String type, String payloadJson) {
        return enqueueFor(organizationId, type, payloadJson, null);
    }

    /**
     * Enqueues a job of an organization to run at {@code runAt} or later (null: now); returns its id.
     * The payload is JSON the handler reads; keep it to ids and small values.
     */
    public String enqueueFor(OrganizationId organizationId, String type, String payloadJson, Instant runAt) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payloadJson, "payloadJson");
        Instant now = Instant.now(clock);
        String id = queue.insert(organizationId, type, payloadJson, runAt == null ? now : runAt, now);
        Instant due = runAt == null || runAt.isBefore(now) ? now : runAt;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    signal.dueAt(due);
                }
            });
        } else {
            signal.dueAt(due);
        }
        return id;
    }

    /** The organization's jobs in this status, most recently changed first (at most 100). */
    public List<JobSummary> list(OrganizationId organizationId, JobStatus status) {
        return queue.list(organizationId, status, 100);
    }

    /** Makes a dead job of the organization ready again with fresh attempts; false when it has no such dead job. */
    public boolean revive(OrganizationId organizationId, String jobId) {
        boolean revived = queue.revive(organizationId, jobId, Instant.now(clock));
        if (revived) {
            signal.wake();
        }
        return revived;
    }
}
