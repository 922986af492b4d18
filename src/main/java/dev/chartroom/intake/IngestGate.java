package dev.chartroom.intake;

import dev.chartroom.tenant.OrganizationId;
import dev.chartroom.web.ServerBusyException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Admission to ingest work (reading an uploaded file and writing what it holds), on this node.
 * At most {@code ingest-concurrency} ingests run at once, so that memory and database connections
 * stay bounded however many uploads arrive; a request waits for a slot at most {@code ingest-wait}.
 * Bulk writes of many patients ({@link #run}) also take their organization's turn first: one
 * organization's bulk files are stored one at a time, so that two uploads of overlapping patients
 * never wait on each other's row locks until a lock timeout (a request waits for the turn at most
 * {@code organization-wait}). Single documents ({@link #admit}) only take a slot. Past either wait
 * a request gets {@link ServerBusyException} (503 with Retry-After) instead of piling up. Work
 * that enters the gate again on the same thread (one intake calling another) runs at once: it is
 * already admitted.
 */
@Component
public class IngestGate {

    /**
     * @param ingestConcurrency ingests running at once on this node; 0: twice the cores
     * @param ingestWait        how long a request waits for one of them before 503
     * @param organizationWait  how long a request waits for its organization's earlier ingests to
     *                          finish before 503
     */
    @ConfigurationProperties("chartroom.limits")
    public record Settings(
            @DefaultValue("0") int ingestConcurrency,
            @DefaultValue("2s") Duration ingestWait,
            @DefaultValue("30s") Duration organizationWait) {}

    /** What a refused client is told to wait: about one ingest of a large file. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    /** Set while this thread runs an admitted ingest, whose nested ingests need no second slot. */
    private static final ThreadLocal<Boolean> ADMITTED = new ThreadLocal<>();

    private final Semaphore slots;
    private final int concurrency;
    private final Duration ingestWait;
    private final Duration organizationWait;
    private final ConcurrentHashMap<OrganizationId, Turn> turns = new ConcurrentHashMap<>();

    public IngestGate(Settings settings) {
        this.concurrency = settings.ingestConcurrency() > 0
                ? settings.ingestConcurrency()
                : 2 * Runtime.getRuntime().availableProcessors();
        this.slots = new Semaphore(concurrency, true);
        this.ingestWait = settings.ingestWait();
        this.organizationWait = settings.organizationWait();
    }

    /** Ingests that may run at once. */
    public int concurrency() {
        return concurrency;
    }

    /**
     * Runs one ingest that writes no bulk of patients (a document, a note) once a slot is free.
     *
     * @throws ServerBusyException when no slot came within the wait
     */
    public <T> T admit(Supplier<T> ingest) {
        if (ADMITTED.get() != null) {
            return ingest.get();
        }
        return inSlot(ingest);
    }

    /**
     * Runs one bulk ingest of the organization once it is the organization's turn and a slot is free.
     *
     * @throws ServerBusyException when the organization's turn or a slot did not come within its wait
     */
    public <T> T run(OrganizationId organizationId, Supplier<T> ingest) {
        if (ADMITTED.get() != null) {
            return ingest.get();
        }
        Turn turn = join(organizationId);
        try {
            if (!acquire(turn.permit, organizationWait)) {
                throw new ServerBusyException(
                        "Earlier uploads of this organization are still being stored; retry in "
                                + RETRY_AFTER.toSeconds() + " seconds.",
                        RETRY_AFTER);
            }
            try {
                return inSlot(ingest);
            } finally {
                turn.permit.release();
            }
        } finally {
            leave(organizationId);
        }
    }

    private <T> T inSlot(Supplier<T> ingest) {
        if (!acquire(slots, ingestWait)) {
            throw new ServerBusyException(
                    "The server is busy storing other uploads; retry in " + RETRY_AFTER.toSeconds() + " seconds.",
                    RETRY_AFTER);
        }
        ADMITTED.set(Boolean.TRUE);
        try {
            return ingest.get();
        } finally {
            ADMITTED.remove();
            slots.release();
        }
    }

    private static boolean acquire(Semaphore semaphore, Duration wait) {
        try {
            return semaphore.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** One organization's turn, kept only while someone holds or waits for it. */
    private static final class Turn {
        final Semaphore permit = new Semaphore(1, true);
        int users;
    }

    private Turn join(OrganizationId organizationId) {
        return turns.compute(organizationId, (id, turn) -> {
            Turn joined = turn == null ? new Turn() : turn;
            joined.users++;
            return joined;
        });
    }

    private void leave(OrganizationId organizationId) {
        turns.computeIfPresent(organizationId, (id, turn) -> --turn.users == 0 ? null : turn);
    }

    /** Organizations holding or waiting for a turn now (for tests: nothing is left behind). */
    int organizationsWaitingOrRunning() {
        return turns.size();
    }
}
