package dev.chartroom.caseflow;

import dev.chartroom.upload.RowError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One appointments file being applied: rows come in file order, superseded ones are dropped, and
 * every {@value #CHUNK} rows are applied together (patients upserted, cases written, changes
 * announced), so that a file of any length holds one chunk of rows in memory.
 */
public final class AppointmentsUpload {

    static final int CHUNK = 2_000;

    private final Function<List<Appointment>, CaseIntake.AppointmentsApplied> apply;
    private final AppointmentIds ids;
    private final Consumer<CaseIntake.AppointmentsApplied> announce;
    private final List<Appointment> pending = new ArrayList<>(CHUNK);
    private final List<RowError> errors = new ArrayList<>();
    private int created;
    private int reprocessed;
    private int unchanged;

    AppointmentsUpload(
            Function<List<Appointment>, CaseIntake.AppointmentsApplied> apply,
            AppointmentIds ids,
            Consumer<CaseIntake.AppointmentsApplied> announce) {
        this.apply = apply;
        this.ids = ids;
        this.announce = announce;
        errors.addAll(ids.repeated());
    }

    /** What the whole file did. */
    public record Totals(int created, int reprocessed, int unchanged, List<RowError> errors) {}

    public void add(Appointment row) {
        if (ids.superseded(row)) {
            return;
        }
        pending.add(row);
        if (pending.size() == CHUNK) {
            applyPending();
        }
    }

    /** Applies the last chunk; the errors come sorted by line. */
    public Totals finish() {
        applyPending();
        errors.sort(Comparator.comparing(RowError::row, Comparator.nullsFirst(Long::compare)));
        return new Totals(created, reprocessed, unchanged, List.copyOf(errors));
    }

    private void applyPending() {
        if (pending.isEmpty()) {
            return;
        }
        CaseIntake.AppointmentsApplied applied = apply.apply(List.copyOf(pending));
        pending.clear();
        created += applied.created();
        reprocessed += applied.reprocessed();
        unchanged += applied.unchanged();
        errors.addAll(applied.errors());
        announce.accept(applied);
    }
}
