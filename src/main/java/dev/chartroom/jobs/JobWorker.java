package dev.chartroom.jobs;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This node's worker: one virtual thread polls for due jobs of the types this node has handlers for,
 * and each claimed job runs on a virtual thread of its own, at most {@code concurrency} at once.
 * While a job runs its lease is extended; if the node dies, the lease runs out and another node
 * claims the job again.
 *
 * <p>Log lines name job ids, types and exception classes only: payloads and error messages may
 * carry patient data.
 */
@Component
class JobWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobWorker.class);
    private static final int MAX_ERROR = 1000;

    private final JobQueue queue;
    private final JobSignal signal;
    private final ObjectProvider<JobHandler> handlerBeans;
    private final JobsProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<String, JobQueue.Claim> running = new ConcurrentHashMap<>();

    private volatile boolean active;
    private Map<String, JobHandler> handlers = Map.of();
    private Semaphore slots;
    private ExecutorService executor;
    private Thread poller;

    JobWorker(
            JobQueue queue,
            JobSignal signal,
            ObjectProvider<JobHandler> handlerBeans,
            JobsProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.queue = queue;
        this.signal = signal;
        this.handlerBeans = handlerBeans;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        Gauge.builder("chartroom.jobs.dead", queue, JobQueue::countDead)
                .description("Jobs that failed for good and wait to be revived")
                .register(meters);
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            log.info("Job workers are disabled on this node (chartroom.jobs.enabled=false)");
            return;
        }
        // Handlers are looked up here, not injected, so a handler may itself enqueue jobs without a cycle.
        handlers = handlerBeans.orderedStream().collect(Collectors.toMap(JobHandler::type, Function.identity()));
        if (handlers.isEmpty()) {
            return;
        }
        slots = new Semaphore(properties.concurrency());
        executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("job-", 0).factory());
        active = true;
        poller = Thread.ofVirtual().name("job-poller").start(this::poll);
    }

    @Override
    public void stop() {
        if (!active) {
            return;
        }
        active = false;
        poller.interrupt();
        executor.shutdown();
        try {
            poller.join(properties.shutdownTimeout());
            if (!executor.awaitTermination(properties.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{} jobs still running at shutdown; they run again when their lease expires", running.size());
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return active;
    }

    private void poll() {
        Instant nextHeartbeat = Instant.now(clock).plus(heartbeatInterval());
        while (active) {
            try {
                int claimed = claimAndStart();
                if (!Instant.now(clock).isBefore(nextHeartbeat)) {
                    heartbeat();
                    nextHeartbeat = Instant.now(clock).plus(heartbeatInterval());
                }
                if (claimed < properties.batchSize() || slots.availablePermits() == 0) {
                    signal.await(min(properties.pollInterval(), heartbeatInterval()));
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The database is away or refused: keep polling at the regular pace.
                log.warn("Polling for jobs failed: {}", e.getClass().getName());
                try {
                    signal.await(properties.pollInterval());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private int claimAndStart() {
        int free = Math.min(properties.batchSize(), slots.availablePermits());
        if (free == 0) {
            return 0;
        }
        Instant now = Instant.now(clock);
        var claims = queue.claim(handlers.keySet(), free, now, now.plus(properties.leaseDuration()));
        for (var claim : claims) {
            slots.acquireUninterruptibly();
            running.put(claim.job().id(), claim);
            executor.execute(() -> {
                try {
                    execute(claim);
                } finally {
                    running.remove(claim.job().id());
                    slots.release();
                    signal.wake();
                }
            });
        }
        return claims.size();
    }

    private void heartbeat() {
        Instant leaseUntil = Instant.now(clock).plus(properties.leaseDuration());
        for (var claim : running.values()) {
            // A job whose attempt just ended is no longer running: its row may be gone already.
            if (!queue.extend(claim, leaseUntil)
                    && running.containsKey(claim.job().id())) {
                log.warn(
                        "Job {} ({}) lost its lease while running",
                        claim.job().id(),
                        claim.job().type());
            }
        }
    }

    private void execute(JobQueue.Claim claim) {
        Job job = claim.job();
        JobHandler handler = handlers.get(job.type());
        RetryPolicy policy = handler.retryPolicy(properties.defaultRetryPolicy());
        try {
            if (job.attempt() > policy.maxAttempts()) {
                // Its last attempt was claimed by a node that died before finishing: do not start another.
                bury(claim, handler, null, "The last attempt did not finish (its node stopped)", "lease expired");
                return;
            }
            try {
                handler.run(job);
                running.remove(job.id());
                if (!queue.complete(claim)) {
                    log.warn("Job {} ({}) finished after losing its lease", job.id(), job.type());
                } else {
                    log.debug("Job {} ({}) completed, attempt {}", job.id(), job.type(), job.attempt());
                }
                meters.counter("chartroom.jobs.completed", "type", job.type()).increment();
            } catch (RetryLater e) {
                running.remove(job.id());
                fail(claim, handler, policy, e.notBefore(), e, e.getMessage());
            } catch (Throwable e) {
                running.remove(job.id());
                // Errors too: a handler's StackOverflowError or OutOfMemoryError fails its attempt, not this worker.
                if (handler.permanent(e)) {
                    bury(claim, handler, e, describe(e), e.getClass().getName());
                } else {
                    fail(claim, handler, policy, null, e, describe(e));
                }
            }
        } catch (RuntimeException e) {
            // Recording the outcome failed; the lease expires and the job runs again.
            log.warn(
                    "Job {} ({}): its outcome could not be stored: {}",
                    job.id(),
                    job.type(),
                    e.getClass().getName());
        }
    }

    private void fail(
            JobQueue.Claim claim,
            JobHandler handler,
            RetryPolicy policy,
            Instant notBefore,
            Throwable cause,
            String error) {
        Job job = claim.job();
        Instant now = Instant.now(clock);
        Optional<Instant> next = policy.nextAttempt(job.attempt(), job.enqueuedAt(), now, notBefore);
        if (next.isEmpty()) {
            bury(claim, handler, cause, error, cause.getClass().getName());
            return;
        }
        if (queue.reschedule(claim, next.get(), truncate(error), now)) {
            signal.dueAt(next.get());
            meters.counter("chartroom.jobs.failed", "type", job.type()).increment();
            log.info(
                    "Job {} ({}) attempt {} failed ({}); next attempt at {}",
                    job.id(),
                    job.type(),
                    job.attempt(),
                    cause.getClass().getName(),
                    next.get());
        }
    }

    private void bury(JobQueue.Claim claim, JobHandler handler, Throwable failure, String error, String cause) {
        Job job = claim.job();
        if (queue.bury(claim, truncate(error), Instant.now(clock))) {
            meters.counter("chartroom.jobs.buried", "type", job.type()).increment();
            log.warn("Job {} ({}) is dead after {} attempts ({})", job.id(), job.type(), job.attempt(), cause);
            try {
                handler.dead(job, failure);
            } catch (RuntimeException e) {
                // The job is dead either way; only the user-facing record of it is missing.
                log.warn(
                        "Job {} ({}): recording its failure failed: {}",
                        job.id(),
                        job.type(),
                        e.getClass().getName());
            }
        }
    }

    private Duration heartbeatInterval() {
        return properties.leaseDuration().dividedBy(4);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }
}
