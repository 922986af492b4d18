package dev.chartroom.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chartroom.tenant.OrganizationId;
import dev.chartroom.web.ServerBusyException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.TransactionSystemException;

class IngestGateTests {

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    static IngestGate gate(int concurrency, Duration ingestWait, Duration organizationWait) {
        return new IngestGate(new IngestGate.Settings(concurrency, ingestWait, organizationWait));
    }

    /** Starts an ingest that holds its place until released; returns once it runs. */
    Future<String> hold(IngestGate gate, String organization, CountDownLatch release) throws InterruptedException {
        var running = new CountDownLatch(1);
        Future<String> ingest = threads.submit(() -> gate.run(OrganizationId.of(organization), () -> {
            running.countDown();
            await(release);
            return organization;
        }));
        assertThat(running.await(5, TimeUnit.SECONDS))
                .as("the ingest of " + organization + " started")
                .isTrue();
        return ingest;
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theDefaultIsTwiceTheCores() {
        assertThat(gate(0, Duration.ofSeconds(2), Duration.ofSeconds(30)).concurrency())
                .isEqualTo(2 * Runtime.getRuntime().availableProcessors());
    }

    @Test
    void pastTheBoundARequestWaitsThenIsToldToComeBack() throws Exception {
        IngestGate gate = gate(2, Duration.ofMillis(200), Duration.ofSeconds(5));
        var release = new CountDownLatch(1);
        var first = hold(gate, "org-a", release);
        var second = hold(gate, "org-b", release);

        long start = System.nanoTime();
        assertThatThrownBy(() -> gate.run(OrganizationId.of("org-c"), () -> "never"))
                .isInstanceOfSatisfying(ServerBusyException.class, busy -> {
                    assertThat(busy.retryAfterSeconds()).isEqualTo("5");
                    assertThat(busy.getMessage()).contains("busy");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));

        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("org-a");
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("org-b");
        assertThat(gate.run(OrganizationId.of("org-c"), () -> "admitted")).isEqualTo("admitted");
        assertThat(gate.organizationsWaitingOrRunning()).isZero();
    }

    @Test
    void aWaitingRequestGetsTheSlotThatFreesWithinItsWait() throws Exception {
        IngestGate gate = gate(1, Duration.ofSeconds(10), Duration.ofSeconds(10));
        var release = new CountDownLatch(1);
        var first = hold(gate, "org-a", release);
        Future<String> waiting = threads.submit(() -> gate.run(OrganizationId.of("org-b"), () -> "org-b"));
        release.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("org-a");
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo("org-b");
    }

    @Test
    void oneOrganizationsIngestsRunOneAtATimeWhileOthersRunBeside() throws Exception {
        IngestGate gate = gate(8, Duration.ofSeconds(5), Duration.ofSeconds(10));
        var running = new AtomicInteger();
        var most = new AtomicInteger();
        Supplier<Integer> ingest = () -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.onSpinWait();
            for (int i = 0; i < 1_000; i++) {
                Thread.yield();
            }
            running.decrementAndGet();
            return 1;
        };
        List<Future<Integer>> same = threads.invokeAll(
                java.util.Collections.nCopies(12, () -> gate.run(OrganizationId.of("org-a"), ingest)));
        for (var one : same) {
            assertThat(one.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThat(most).hasValue(1);

        // Another organization is not held up by one whose ingest is running.
        var release = new CountDownLatch(1);
        var holding = hold(gate, "org-a", release);
        assertThat(gate.run(OrganizationId.of("org-b"), () -> "org-b")).isEqualTo("org-b");
        release.countDown();
        assertThat(holding.get(5, TimeUnit.SECONDS)).isEqualTo("org-a");
    }

    @Test
    void aRequestWaitingTooLongForItsOrganizationIsToldToComeBack() throws Exception {
        IngestGate gate = gate(4, Duration.ofSeconds(5), Duration.ofMillis(200));
        var release = new CountDownLatch(1);
        var holding = hold(gate, "org-a", release);

        assertThatThrownBy(() -> gate.run(OrganizationId.of("org-a"), () -> "never"))
                .isInstanceOfSatisfying(
                        ServerBusyException.class,
                        busy -> assertThat(busy.getMessage()).contains("this organization"));
        release.countDown();
        holding.get(5, TimeUnit.SECONDS);
        assertThat(gate.organizationsWaitingOrRunning()).isZero();
    }

    @Test
    void aSingleDocumentTakesOnlyASlotNotItsOrganizationsTurn() throws Exception {
        IngestGate gate = gate(2, Duration.ofMillis(200), Duration.ofMillis(200));
        var release = new CountDownLatch(1);
        var bulk = hold(gate, "org-a", release);

        assertThat(gate.admit(() -> "document of org-a")).isEqualTo("document of org-a");
        var document = new CountDownLatch(1);
        Future<String> holdingSlot = threads.submit(() -> gate.admit(() -> {
            document.countDown();
            await(release);
            return "document";
        }));
        assertThat(document.await(5, TimeUnit.SECONDS)).isTrue();
        // Both slots are taken now: the next document is told to come back.
        assertThatThrownBy(() -> gate.admit(() -> "never")).isInstanceOf(ServerBusyException.class);
        release.countDown();
        assertThat(bulk.get(5, TimeUnit.SECONDS)).isEqualTo("org-a");
        assertThat(holdingSlot.get(5, TimeUnit.SECONDS)).isEqualTo("document");
    }

    @Test
    void anIngestInsideAnIngestIsAlreadyAdmitted() {
        IngestGate gate = gate(1, Duration.ofMillis(100), Duration.ofMillis(100));

        assertThat(gate.run(OrganizationId.of("org-a"), () -> gate.run(OrganizationId.of("org-a"), () -> "inner")))
                .isEqualTo("inner");
    }

    @Test
    void aFailingIngestGivesItsPlaceBack() {
        IngestGate gate = gate(1, Duration.ofMillis(100), Duration.ofMillis(100));

        assertThatThrownBy(() -> gate.run(OrganizationId.of("org-a"), () -> {
                    throw new IllegalStateException("broken");
                }))
                .hasMessage("broken");
        assertThat(gate.run(OrganizationId.of("org-a"), () -> "next")).isEqualTo("next");
        assertThat(gate.organizationsWaitingOrRunning()).isZero();
    }

    @Test
    void writesCollidingWithConcurrentOnesRunAgain() {
        for (RuntimeException collision : List.<RuntimeException>of(
                new DuplicateKeyException("same new row"),
                new CannotAcquireLockException("deadlock"),
                new QueryTimeoutException("lock wait timed out"),
                new TransactionSystemException("commit failed", new CannotAcquireLockException("serialization")))) {
            var runs = new AtomicInteger();
            String result = Parts.retryingOnConflict(() -> {
                if (runs.incrementAndGet() < 3) {
                    throw collision;
                }
                return "stored";
            });
            assertThat(result).as(collision.toString()).isEqualTo("stored");
            assertThat(runs).hasValue(3);
        }
    }

    @Test
    void writesThatKeepCollidingEndInBusyNotAFault() {
        var runs = new AtomicInteger();

        assertThatThrownBy(() -> Parts.retryingOnConflict(() -> {
                    runs.incrementAndGet();
                    throw new CannotAcquireLockException("deadlock");
                }))
                .isInstanceOfSatisfying(
                        ServerBusyException.class,
                        busy -> assertThat(busy.retryAfterSeconds()).isEqualTo("2"));
        assertThat(runs).hasValue(Parts.ATTEMPTS);
    }

    @Test
    void otherFailuresAreNotRunAgain() {
        var runs = new AtomicInteger();

        assertThatThrownBy(() -> Parts.retryingOnConflict(() -> {
                    runs.incrementAndGet();
                    throw new DataIntegrityViolationException("a value too long");
                }))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(runs).hasValue(1);
    }
}
