package dev.chartroom.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.chartroom.db.TimeColumns;
import dev.chartroom.support.ApplicationTest;
import dev.chartroom.support.TestOrganization;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The queue end to end: transactional enqueue, running once, retries into the dead state, expired leases. */
@Import(JobsIT.Handlers.class)
class JobsIT extends ApplicationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    Jobs jobs;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Recording recording;

    @Autowired
    Failing failing;

    @Autowired
    Buggy buggy;

    @Autowired
    Erring erring;

    @Test
    void aJobEnqueuedInARolledBackTransactionDoesNotExist() {
        String rolledBack = transactions.execute(status -> {
            String id = jobs.enqueue(Recording.TYPE, "{}");
            status.setRollbackOnly();
            return id;
        });
        String committed = transactions.execute(status -> jobs.enqueue(Recording.TYPE, "{}"));

        assertThat(jdbc.sql("select count(*) from job where id = :id")
                        .param("id", rolledBack)
                        .query(Long.class)
                        .single())
                .isZero();
        await().atMost(WAIT).until(() -> recording.attempts.containsKey(committed));
        assertThat(recording.attempts).doesNotContainKey(rolledBack);
    }

    @Test
    void aCommittedJobRunsOnceAndIsThenGone() {
        String id = transactions.execute(status -> jobs.enqueue(Recording.TYPE, "{\"n\":1}"));

        await().atMost(WAIT).until(() -> jobCount(id) == 0);
        assertThat(recording.attempts.get(id)).containsExactly(1);
        assertThat(recording.payloads.get(id)).isEqualTo("{\"n\":1}");
    }

    @Test
    void aJobScheduledForLaterWaitsForItsTime() {
        Instant runAt = Instant.now().plusMillis(500);
        String id = jobs.enqueue(Recording.TYPE, "{}", runAt);

        await().atMost(WAIT).until(() -> recording.attempts.containsKey(id));
        assertThat(recording.startedAt.get(id)).isAfterOrEqualTo(runAt);
    }

    @Test
    void aFailingJobIsRetriedWithBackoffThenDeadAndVisibleToItsOrganizationOnly() {
        TestOrganization acme = newOrganization();
        TestOrganization other = newOrganization();
        String id = transactions.execute(status -> jobs.enqueueFor(acme.organizationId(), Failing.TYPE, "{}"));

        JsonNode dead = await().atMost(WAIT).until(() -> deadJob(acme, id), job -> job != null);

        assertThat(dead.get("type").asString()).isEqualTo(Failing.TYPE);
        assertThat(dead.get("status").asString()).isEqualTo("dead");
        assertThat(dead.get("attempts").asInt()).isEqualTo(3);
        assertThat(dead.get("lastError").asString()).isEqualTo("IOException: always fails");
        List<Instant> runs = failing.runs.get(id);
        assertThat(runs).hasSize(3);
        assertThat(Duration.between(runs.get(0), runs.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(Duration.between(runs.get(1), runs.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(deadJob(other, id)).isNull();
        assertThat(http().postJson("/v1/jobs/" + id + "/revive", "", other.bearer())
                        .status())
                .isEqualTo(404);

        assertThat(http().postJson("/v1/jobs/" + id + "/revive", "", acme.bearer())
                        .status())
                .isEqualTo(202);
        await().atMost(WAIT).until(() -> failing.runs.get(id).size() == 6 && deadJob(acme, id) != null);
    }

    @Test
    void aDeterministicFailureIsDeadAfterItsFirstAttemptAndItsHandlerHearsOfIt() {
        TestOrganization acme = newOrganization();
        String id = transactions.execute(status -> jobs.enqueueFor(acme.organizationId(), Buggy.TYPE, "{}"));

        JsonNode dead = await().atMost(WAIT).until(() -> deadJob(acme, id), job -> job != null);

        assertThat(dead.get("attempts").asInt()).isEqualTo(1);
        assertThat(dead.get("lastError").asString()).isEqualTo("IndexOutOfBoundsException: start > end");
        assertThat(buggy.runs.get(id)).isEqualTo(1);
        await().atMost(WAIT).until(() -> buggy.dead.containsKey(id));
        assertThat(buggy.dead.get(id)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aHandlerThrowingAnErrorFailsItsAttemptsWithBackoffAndTheWorkerKeepsRunning() {
        TestOrganization acme = newOrganization();
        String id = transactions.execute(status -> jobs.enqueueFor(acme.organizationId(), Erring.TYPE, "{}"));

        JsonNode dead = await().atMost(WAIT).until(() -> deadJob(acme, id), job -> job != null);

        assertThat(dead.get("attempts").asInt()).isEqualTo(3);
        assertThat(dead.get("lastError").asString()).isEqualTo("StackOverflowError");
        List<Instant> runs = erring.runs.get(id);
        assertThat(runs).hasSize(3);
        assertThat(Duration.between(runs.get(0), runs.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(Duration.between(runs.get(1), runs.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        // the worker lives on: the next job runs
        String after = jobs.enqueue(Recording.TYPE, "{}");
        await().atMost(WAIT).until(() -> recording.attempts.containsKey(after));
    }

    @Test
    void anOutOfMemoryErrorFailsTheAttemptWithItsReasonAndBacksOff() {
        TestOrganization acme = newOrganization();
        Instant before = Instant.now();
        String id = transactions.execute(status -> jobs.enqueueFor(acme.organizationId(), OutOfMemory.TYPE, "{}"));

        await().atMost(WAIT)
                .until(() -> jdbc.sql("select last_error from job where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .optional()
                        .isPresent());

        var row = jdbc.sql("select status, attempts, last_error, run_at from job where id = :id")
                .param("id", id)
                .query((rs, n) ->
                        new Object[] {rs.getString(1), rs.getInt(2), rs.getString(3), TimeColumns.instant(rs, "run_at")
                        })
                .single();
        assertThat(row[0]).isEqualTo("ready");
        assertThat(row[1]).isEqualTo(1);
        assertThat(row[2]).isEqualTo("OutOfMemoryError: Java heap space");
        assertThat((Instant) row[3]).isAfter(before.plus(Duration.ofMinutes(9)));
    }

    @Test
    void aJobWhoseLeaseExpiredIsClaimedAgain() {
        String expired = insertRunning(Recording.TYPE, 1, Instant.now().minusSeconds(60));
        String held = insertRunning(Recording.TYPE, 1, Instant.now().plusSeconds(3600));

        await().atMost(WAIT).until(() -> recording.attempts.containsKey(expired));
        assertThat(recording.attempts.get(expired)).containsExactly(2);
        assertThat(recording.attempts).doesNotContainKey(held);
        assertThat(jdbc.sql("select status from job where id = :id")
                        .param("id", held)
                        .query(String.class)
                        .single())
                .isEqualTo("running");
    }

    @Test
    void aJobWhoseLastAttemptsNodeDiedIsDeadWithoutAnotherRun() {
        TestOrganization acme = newOrganization();
        String id = insertRunning(Failing.TYPE, 3, Instant.now().minusSeconds(60), acme.id());

        JsonNode dead = await().atMost(WAIT).until(() -> deadJob(acme, id), job -> job != null);

        assertThat(dead.get("lastError").asString()).contains("did not finish");
        assertThat(failing.runs).doesNotContainKey(id);
    }

    @Test
    void theJobListingNeedsAKnownStatus() {
        TestOrganization acme = newOrganization();
        assertThat(http().get("/v1/jobs?status=ready", acme.bearer()).json().get("data"))
                .isEmpty();
        assertThat(http().get("/v1/jobs?status=later", acme.bearer()).status()).isEqualTo(400);
        assertThat(http().get("/v1/jobs").status()).isEqualTo(401);
    }

    private JsonNode deadJob(TestOrganization organization, String id) {
        for (JsonNode job :
                http().get("/v1/jobs?status=dead", organization.bearer()).json().get("data")) {
            if (job.get("id").asString().equals(id)) {
                return job;
            }
        }
        return null;
    }

    private long jobCount(String id) {
        return jdbc.sql("select count(*) from job where id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    private String insertRunning(String type, int attempts, Instant leaseUntil) {
        return insertRunning(type, attempts, leaseUntil, null);
    }

    /** A job as a node leaves it that claimed it and died. */
    private String insertRunning(String type, int attempts, Instant leaseUntil, String organizationId) {
        String id = UUID.randomUUID().toString();
        var now = TimeColumns.of(Instant.now());
        jdbc.sql("""
                        insert into job (id, type, organization_id, payload, status, run_at, attempts, lease_token,
                                         lease_until, enqueued_at, updated_at)
                        values (:id, :type, :organizationId, '{}', 'running', :now, :attempts, 'a-node-that-died',
                                :leaseUntil, :now, :now)
                        """)
                .param("id", id)
                .param("type", type)
                .param("organizationId", organizationId)
                .param("attempts", attempts)
                .param("leaseUntil", TimeColumns.of(leaseUntil))
                .param("now", now)
                .update();
        return id;
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Handlers {

        @Bean
        Recording recording() {
            return new Recording();
        }

        @Bean
        Failing failing() {
            return new Failing();
        }

        @Bean
        Buggy buggy() {
            return new Buggy();
        }

        @Bean
        Erring erring() {
            return new Erring();
        }

        @Bean
        OutOfMemory outOfMemory() {
            return new OutOfMemory();
        }
    }

    /** Records every run. */
    static class Recording implements JobHandler {

        static final String TYPE = "test.record";
        final Map<String, List<Integer>> attempts = new ConcurrentHashMap<>();
        final Map<String, String> payloads = new ConcurrentHashMap<>();
        final Map<String, Instant> startedAt = new ConcurrentHashMap<>();

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public void run(Job job) {
            startedAt.putIfAbsent(job.id(), Instant.now());
            payloads.put(job.id(), job.payload());
            attempts.computeIfAbsent(job.id(), id -> new CopyOnWriteArrayList<>())
                    .add(job.attempt());
        }
    }

    /** Always fails as I/O does, which may pass; three attempts, 100 ms then 200 ms apart. */
    static class Failing implements JobHandler {

        static final String TYPE = "test.fail";
        final Map<String, List<Instant>> runs = new ConcurrentHashMap<>();

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public void run(Job job) throws java.io.IOException {
            runs.computeIfAbsent(job.id(), id -> new CopyOnWriteArrayList<>()).add(Instant.now());
            throw new java.io.IOException("always fails");
        }

        @Override
        public RetryPolicy retryPolicy(RetryPolicy defaults) {
            return new RetryPolicy(3, Duration.ofMillis(100), 2, Duration.ofSeconds(1), Duration.ofMinutes(5));
        }
    }

    /** Fails the same way on every input, as an offset bug does: retrying cannot help. */
    static class Buggy implements JobHandler {

        static final String TYPE = "test.buggy";
        final Map<String, Integer> runs = new ConcurrentHashMap<>();
        final Map<String, Throwable> dead = new ConcurrentHashMap<>();

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public void run(Job job) {
            runs.merge(job.id(), 1, Integer::sum);
            throw new IndexOutOfBoundsException("start > end");
        }

        @Override
        public void dead(Job job, Throwable cause) {
            dead.put(job.id(), cause);
        }
    }

    /** Throws Errors, not exceptions: out of memory first, then a stack overflow; three attempts. */
    static class Erring implements JobHandler {

        static final String TYPE = "test.error";
        final Map<String, List<Instant>> runs = new ConcurrentHashMap<>();

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public void run(Job job) {
            runs.computeIfAbsent(job.id(), id -> new CopyOnWriteArrayList<>()).add(Instant.now());
            if (job.attempt() == 1) {
                throw new OutOfMemoryError("Java heap space");
            }
            throw new StackOverflowError();
        }

        @Override
        public RetryPolicy retryPolicy(RetryPolicy defaults) {
            return new RetryPolicy(3, Duration.ofMillis(100), 2, Duration.ofSeconds(1), Duration.ofMinutes(5));
        }
    }

    /** Runs out of memory; the next attempt would be ten minutes later. */
    static class OutOfMemory implements JobHandler {

        static final String TYPE = "test.out-of-memory";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public void run(Job job) {
            throw new OutOfMemoryError("Java heap space");
        }

        @Override
        public RetryPolicy retryPolicy(RetryPolicy defaults) {
            return new RetryPolicy(2, Duration.ofMinutes(10), 2, Duration.ofMinutes(10), Duration.ofHours(1));
        }
    }
}
