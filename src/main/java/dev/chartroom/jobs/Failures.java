package dev.chartroom.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/** Which failures of a job another attempt may cure, and which it cannot. */
public final class Failures {

    private Failures() {}

    /**
     * Whether {@code failure} will happen again on the same input: a {@link PermanentFailure}, or a
     * runtime exception (a bug meeting this input, such as an index out of bounds) with no I/O,
     * database, transaction, timeout or rejected-task failure anywhere in its causes. Checked
     * exceptions and {@link Error}s (out of memory, stack overflow) are not: they depend on the
     * moment, so they are retried with backoff.
     */
    public static boolean deterministic(Throwable failure) {
        if (failure instanceof PermanentFailure) {
            return true;
        }
        if (!(failure instanceof RuntimeException)) {
            return false;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException
                    || t instanceof UncheckedIOException
                    || t instanceof SQLException
                    || t instanceof DataAccessException
                    || t instanceof TransactionException
                    || t instanceof TimeoutException
                    || t instanceof RejectedExecutionException
                    || t instanceof InterruptedException) {
                return false;
            }
        }
        return true;
    }

    /**
     * Why a job failed for good, in words for users: no exception text (it may quote patient data),
     * only the kind of failure and so whether trying again can help.
     *
     * @param failure the last attempt's failure; null when that attempt's node stopped
     */
    public static String explain(Throwable failure) {
        if (failure == null) {
            return "the server running it stopped before it finished";
        }
        if (failure instanceof PermanentFailure permanent && permanent.getMessage() != null) {
            return permanent.getMessage();
        }
        if (failure instanceof VirtualMachineError) {
            return "it needed more memory than this server allows";
        }
        if (deterministic(failure)) {
            return "it fails on this content every time (a defect, not a passing problem)";
        }
        return "storage or the database kept failing while it ran";
    }
}
