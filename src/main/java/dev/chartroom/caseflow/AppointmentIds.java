package dev.chartroom.caseflow;

import dev.chartroom.upload.RowError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The AppointmentIds of one appointments file, gathered in a first pass so that the rows can then
 * be applied in chunks: a row whose AppointmentId appears again further down is superseded (the
 * later row is used) and gets a row error, wherever in the file the two rows are. Holds one id and
 * one line number per distinct appointment, not the rows.
 */
public final class AppointmentIds {

    private final Map<String, Long> lastLine = new HashMap<>();
    private final List<RowError> repeated = new ArrayList<>();

    /** Notes a row's AppointmentId (null: the row has none) in file order. */
    public void see(String appointmentId, long line) {
        if (appointmentId == null) {
            return;
        }
        Long earlier = lastLine.put(appointmentId, line);
        if (earlier != null) {
            repeated.add(new RowError(
                    earlier,
                    "AppointmentId",
                    "AppointmentId appears again at line " + line + "; the later row was used."));
        }
    }

    /** Whether a later row of the file has the same AppointmentId. */
    boolean superseded(Appointment row) {
        return row.appointmentId() != null && lastLine.getOrDefault(row.appointmentId(), row.line()) != row.line();
    }

    List<RowError> repeated() {
        return repeated;
    }
}
