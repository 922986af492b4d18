package dev.chartroom.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.transaction.CannotCreateTransactionException;

class FailuresTests {

    @Test
    void aBugMeetingItsInputIsDeterministic() {
        assertThat(Failures.deterministic(new IndexOutOfBoundsException("start > end")))
                .isTrue();
        assertThat(Failures.deterministic(new IllegalStateException("no"))).isTrue();
        assertThat(Failures.deterministic(new PermanentFailure("the file is damaged")))
                .isTrue();
    }

    @Test
    void ioDatabaseAndErrorsMayPass() {
        assertThat(Failures.deterministic(new IOException("reset"))).isFalse();
        assertThat(Failures.deterministic(new UncheckedIOException(new IOException("reset"))))
                .isFalse();
        assertThat(Failures.deterministic(new CannotAcquireLockException("locked")))
                .isFalse();
        assertThat(Failures.deterministic(new CannotCreateTransactionException("pool empty")))
                .isFalse();
        assertThat(Failures.deterministic(
                        new IllegalStateException("wrapped", new SQLTransientConnectionException("gone"))))
                .isFalse();
        assertThat(Failures.deterministic(new OutOfMemoryError("Java heap space")))
                .isFalse();
        assertThat(Failures.deterministic(new StackOverflowError())).isFalse();
    }

    @Test
    void theReasonForUsersNamesTheKindOfFailureOnly() {
        assertThat(Failures.explain(new IllegalArgumentException("patient Ana Ruiz, MRN 448812")))
                .doesNotContain("Ana", "448812", "Exception")
                .contains("every time");
        assertThat(Failures.explain(new OutOfMemoryError())).contains("memory");
        assertThat(Failures.explain(null)).contains("stopped");
        assertThat(Failures.explain(new PermanentFailure("the file is damaged")))
                .isEqualTo("the file is damaged");
    }
}
