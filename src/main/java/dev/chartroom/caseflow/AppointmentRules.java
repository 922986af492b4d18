package dev.chartroom.caseflow;

import dev.chartroom.patient.Demographics;
import dev.chartroom.upload.RowError;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The seed's appointment rules: auto-cancel on AppointmentStatus Cancelled/Waitlist/Triage,
 * Virtual not true, TestStatus Removed or IntakeCharted true; AppointmentDoctor must be an active
 * clinician (by last name); Phone to E.164 (North American); date and time read in US Eastern
 * time; NewConsult picks the agent through the routing rules.
 */
class AppointmentRules {

    static final ZoneId EASTERN = ZoneId.of("America/New_York");
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern TIME = Pattern.compile("([01]?\\d|2[0-3]):([0-5]\\d)(?::([0-5]\\d))?");

    private final Map<String, Clinician> activeByLastName;
    private final Map<Boolean, String> agents;
    private final LocalDate today;

    AppointmentRules(List<Clinician> clinicians, List<RoutingRule> rules, LocalDate today) {
        this.today = today;
        this.activeByLastName = clinicians.stream()
                .filter(Clinician::active)
                .collect(Collectors.toMap(c -> key(c.lastName()), c -> c, (first, second) -> first));
        this.agents =
                rules.stream().collect(Collectors.toMap(RoutingRule::newConsult, RoutingRule::agent, (a, b) -> a));
    }

    CaseDecision decide(Appointment row) {
        List<RowError> errors = new ArrayList<>();
        for (var required : List.of(
                new String[] {"AppointmentId", row.appointmentId()},
                new String[] {"PatientRecordId", row.patientRecordId()})) {
            if (required[1] == null) {
                errors.add(new RowError(row.line(), required[0], required[0] + " is empty; the row was skipped."));
            } else if (required[1].length() > 200) {
                errors.add(new RowError(
                        row.line(), required[0], required[0] + " is longer than 200 characters; the row was skipped."));
            }
        }
        for (var field : List.of(
                new Object[] {"AppointmentStatus", row.status(), 100},
                new Object[] {"AppointmentDoctor", row.doctor(), 150},
                new Object[] {"Virtual", row.virtual(), 40},
                new Object[] {"IntakeCharted", row.intakeCharted(), 40},
                new Object[] {"TestStatus", row.testStatus(), 100},
                new Object[] {"AppointmentDate", row.date(), 40})) {
            if (field[1] != null && ((String) field[1]).length() > (int) field[2]) {
                errors.add(new RowError(
                        row.line(),
                        (String) field[0],
                        field[0] + " is longer than " + field[2] + " characters; the row was skipped."));
            }
        }
        Optional<LocalDate> date = date(row.date());
        if (date.isEmpty()) {
            errors.add(new RowError(
                    row.line(),
                    "AppointmentDate",
                    "AppointmentDate must be a real date as YYYY-MM-DD between 1900 and 2199; the row was skipped."));
        }
        Optional<LocalTime> time = time(row.time());
        if (time.isEmpty()) {
            errors.add(new RowError(
                    row.line(),
                    "EarliestAppointmentTime",
                    "EarliestAppointmentTime must be HH:MM or HH:MM:SS (24-hour); the row was skipped."));
        }
        boolean newConsult = isTrue(row.newConsult());
        if (!errors.isEmpty()) {
            return new CaseDecision(false, null, null, null, null, null, null, newConsult, errors);
        }
        var scheduledAt = ZonedDateTime.of(date.get(), time.get(), EASTERN).toInstant();
        Clinician clinician = row.doctor() == null ? null : activeByLastName.get(key(row.doctor()));
        if (clinician == null) {
            errors.add(new RowError(
                    row.line(),
                    "AppointmentDoctor",
                    row.doctor() == null
                            ? "AppointmentDoctor is empty; no active case was made."
                            : "AppointmentDoctor '" + row.doctor()
                                    + "' is not an active clinician; no active case was made."));
            // No new case; a case that exists already is cancelled rather than left active.
            return new CaseDecision(
                    false,
                    CaseDecision.CANCELLED,
                    "doctor_not_active",
                    null,
                    null,
                    scheduledAt,
                    null,
                    newConsult,
                    errors);
        }

        String phone = null;
        if (row.phone() != null) {
            phone = Demographics.phone(row.phone()).orElse(null);
            if (phone == null) {
                errors.add(new RowError(
                        row.line(), "Phone", "Phone is not a valid North American number; the case has no phone."));
            }
        } else {
            errors.add(new RowError(row.line(), "Phone", "Phone is empty; the case has no phone."));
        }
        if (row.dob() != null && Demographics.birthDate(row.dob(), today).isEmpty()) {
            errors.add(new RowError(
                    row.line(),
                    "DOB",
                    "DOB is not a real date of birth (YYYY-MM-DD or MM/DD/YYYY, "
                            + "not in the future); the case has no birth date."));
        }
        String agent = agents.get(newConsult);
        if (agent == null) {
            errors.add(new RowError(
                    row.line(),
                    "NewConsult",
                    "No routing rule for NewConsult=" + newConsult + "; the case has no agent."));
        }
        String cancelReason = cancelReason(row);
        return new CaseDecision(
                true,
                cancelReason == null ? CaseDecision.ACTIVE : CaseDecision.CANCELLED,
                cancelReason,
                clinician,
                agent,
                scheduledAt,
                phone,
                newConsult,
                errors);
    }

    /** The first auto-cancel reason that applies, in the seed's order; null when none does. */
    static String cancelReason(Appointment row) {
        String status = row.status() == null ? "" : row.status().toLowerCase(Locale.ROOT);
        if (status.equals("cancelled") || status.equals("canceled")) {
            return "appointment_cancelled";
        }
        if (status.equals("waitlist")) {
            return "appointment_waitlist";
        }
        if (status.equals("triage")) {
            return "appointment_triage";
        }
        if (!isTrue(row.virtual())) {
            return "not_virtual";
        }
        if ("removed".equalsIgnoreCase(row.testStatus())) {
            return "test_removed";
        }
        if (isTrue(row.intakeCharted())) {
            return "intake_charted";
        }
        return null;
    }

    static boolean isTrue(String value) {
        return value != null && (value.equalsIgnoreCase("true") || value.equals("1") || value.equalsIgnoreCase("yes"));
    }

    static Optional<LocalDate> date(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(value, DATE);
            return date.getYear() >= 1900 && date.getYear() < 2200 ? Optional.of(date) : Optional.empty();
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    static Optional<LocalTime> time(String value) {
        if (value == null) {
            return Optional.empty();
        }
        var match = TIME.matcher(value);
        if (!match.matches()) {
            return Optional.empty();
        }
        int seconds = match.group(3) == null ? 0 : Integer.parseInt(match.group(3));
        return Optional.of(LocalTime.of(Integer.parseInt(match.group(1)), Integer.parseInt(match.group(2)), seconds));
    }

    private static String key(String lastName) {
        return lastName.strip().toLowerCase(Locale.ROOT);
    }
}
