package dev.chartroom.caseflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AppointmentRulesTests {

    static final AppointmentRules RULES = new AppointmentRules(
            List.of(
                    new Clinician(1, "Linh", "Nguyen", true, Instant.EPOCH),
                    new Clinician(2, "Ada", "Okafor", false, Instant.EPOCH)),
            List.of(
                    new RoutingRule(true, "new-consult-agent", Instant.EPOCH),
                    new RoutingRule(false, "follow-up-agent", Instant.EPOCH)),
            LocalDate.of(2026, 12, 3));

    static Appointment row(
            String status,
            String doctor,
            String virtual,
            String date,
            String time,
            String phone,
            String newConsult,
            String testStatus,
            String intakeCharted) {
        return withDob(status, doctor, virtual, date, time, phone, newConsult, testStatus, intakeCharted, "1984-02-11");
    }

    static Appointment withDob(
            String status,
            String doctor,
            String virtual,
            String date,
            String time,
            String phone,
            String newConsult,
            String testStatus,
            String intakeCharted,
            String dob) {
        return new Appointment(
                2,
                "A-1",
                "R-1",
                status,
                doctor,
                virtual,
                date,
                time,
                "Maria",
                "Lopez",
                dob,
                phone,
                newConsult,
                testStatus,
                intakeCharted,
                Map.of());
    }

    @ParameterizedTest(name = "{0} / Virtual={1} / TestStatus={2} / IntakeCharted={3} -> {4}")
    @CsvSource(nullValues = "null", textBlock = """
            Scheduled, true,  Pending, false, active,    null
            Cancelled, true,  Pending, false, cancelled, appointment_cancelled
            cancelled, true,  Pending, false, cancelled, appointment_cancelled
            Waitlist,  true,  Pending, false, cancelled, appointment_waitlist
            Triage,    true,  Pending, false, cancelled, appointment_triage
            Scheduled, false, Pending, false, cancelled, not_virtual
            Scheduled, yes,   Pending, false, active,    null
            Scheduled, maybe, Pending, false, cancelled, not_virtual
            Scheduled, null,  Pending, false, cancelled, not_virtual
            Scheduled, TRUE,  Removed, false, cancelled, test_removed
            Scheduled, true,  removed, false, cancelled, test_removed
            Scheduled, true,  Pending, true,  cancelled, intake_charted
            Scheduled, true,  null,    null,  active,    null
            Confirmed, true,  Pending, false, active,    null
            """)
    void autoCancelRules(
            String status,
            String virtual,
            String testStatus,
            String intakeCharted,
            String expectedStatus,
            String expectedReason) {
        CaseDecision d = RULES.decide(row(
                status, "Nguyen", virtual, "2026-04-20", "10:30", "(416) 555-0123", "true", testStatus, intakeCharted));

        assertThat(d.makesCase()).isTrue();
        assertThat(d.status()).isEqualTo(expectedStatus);
        assertThat(d.cancelReason()).isEqualTo(expectedReason);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", textBlock = """
            Nguyen,   true
            nguyen,   true
            ' NGUYEN ', true
            Okafor,   false
            Kowalski, false
            null,     false
            """)
    void theDoctorMustBeAnActiveClinician(String doctor, boolean makesCase) {
        CaseDecision d = RULES.decide(
                row("Scheduled", doctor, "true", "2026-04-20", "10:30", "4165550123", "false", "Pending", "false"));

        assertThat(d.makesCase()).isEqualTo(makesCase);
        if (!makesCase) {
            assertThat(d.errors()).extracting("column").contains("AppointmentDoctor");
            assertThat(d.cancelReason()).isEqualTo("doctor_not_active");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            (416) 555-0123   | +14165550123
            416-555-0124     | +14165550124
            4165550125       | +14165550125
            +1 416 555 0126  | +14165550126
            416.555.0127     | +14165550127
            1-416-555-0128   | +14165550128
            555-0123         | null
            12345            | null
            null             | null
            """)
    void phonesBecomeE164(String phone, String expected) {
        CaseDecision d = RULES.decide(
                row("Scheduled", "Nguyen", "true", "2026-04-20", "10:30", phone, "true", "Pending", "false"));

        assertThat(d.makesCase()).isTrue();
        assertThat(d.phone()).isEqualTo(expected);
        assertThat(d.errors().stream().anyMatch(e -> e.column().equals("Phone")))
                .isEqualTo(expected == null);
    }

    @ParameterizedTest(name = "{0} {1} Eastern = {2}")
    @CsvSource(textBlock = """
            2026-04-20, 10:30,    2026-04-20T14:30:00Z
            2026-01-15, 10:30,    2026-01-15T15:30:00Z
            2026-03-07, 23:59:59, 2026-03-08T04:59:59Z
            2026-03-08, 01:30,    2026-03-08T06:30:00Z
            2026-03-08, 03:30,    2026-03-08T07:30:00Z
            2026-11-01, 00:30,    2026-11-01T04:30:00Z
            2026-11-01, 01:30,    2026-11-01T05:30:00Z
            2026-11-01, 02:30,    2026-11-01T07:30:00Z
            2026-04-22, 14:15:00, 2026-04-22T18:15:00Z
            2026-04-22, 7:05,     2026-04-22T11:05:00Z
            """)
    void dateAndTimeAreReadInEasternTimeAcrossDstChanges(String date, String time, Instant expected) {
        CaseDecision d =
                RULES.decide(row("Scheduled", "Nguyen", "true", date, time, "4165550123", "true", "Pending", "false"));

        assertThat(d.scheduledAt()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", textBlock = """
            2026-02-30, 10:30,    AppointmentDate
            04/20/2026, 10:30,    AppointmentDate
            null,       10:30,    AppointmentDate
            0000-00-00, 10:30,    AppointmentDate
            3000-01-01, 10:30,    AppointmentDate
            1899-12-31, 10:30,    AppointmentDate
            2026-04-20, 25:00,    EarliestAppointmentTime
            2026-04-20, 10:30 AM, EarliestAppointmentTime
            2026-04-20, null,     EarliestAppointmentTime
            """)
    void unreadableDatesAndTimesSkipTheRow(String date, String time, String column) {
        CaseDecision d =
                RULES.decide(row("Scheduled", "Nguyen", "true", date, time, "4165550123", "true", "Pending", "false"));

        assertThat(d.makesCase()).isFalse();
        assertThat(d.status()).isNull();
        assertThat(d.errors()).extracting("column").containsExactly(column);
    }

    @ParameterizedTest(name = "DOB {0}")
    @CsvSource(nullValues = "null", textBlock = """
            3000-01-01
            0000-00-00
            2026-12-04
            1984-02-30
            1849-12-31
            not a date
            """)
    void anImpossibleBirthDateIsARowErrorAndTheCaseIsKept(String dob) {
        CaseDecision d = RULES.decide(withDob(
                "Scheduled", "Nguyen", "true", "2026-04-20", "10:30", "4165550123", "true", "Pending", "false", dob));

        assertThat(d.makesCase()).isTrue();
        assertThat(d.errors()).extracting("column").containsExactly("DOB");
    }

    @ParameterizedTest(name = "DOB {0}")
    @CsvSource(nullValues = "null", textBlock = """
            1984-02-11
            02/11/1984
            2026-12-03
            null
            """)
    void aRealOrMissingBirthDateIsNoRowError(String dob) {
        CaseDecision d = RULES.decide(withDob(
                "Scheduled", "Nguyen", "true", "2026-04-20", "10:30", "4165550123", "true", "Pending", "false", dob));

        assertThat(d.errors()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", textBlock = """
            true,  new-consult-agent
            TRUE,  new-consult-agent
            false, follow-up-agent
            null,  follow-up-agent
            """)
    void newConsultPicksTheAgent(String newConsult, String agent) {
        CaseDecision d = RULES.decide(row(
                "Scheduled", "Nguyen", "true", "2026-04-20", "10:30", "4165550123", newConsult, "Pending", "false"));

        assertThat(d.agent()).isEqualTo(agent);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", textBlock = """
            null, R-1,  AppointmentId
            A-1,  null, PatientRecordId
            """)
    void missingKeysSkipTheRow(String appointmentId, String patientRecordId, String column) {
        var row = new Appointment(
                7,
                appointmentId,
                patientRecordId,
                "Scheduled",
                "Nguyen",
                "true",
                "2026-04-20",
                "10:30",
                "Maria",
                "Lopez",
                "1984-02-11",
                "4165550123",
                "true",
                "Pending",
                "false",
                Map.of());

        CaseDecision d = RULES.decide(row);

        assertThat(d.makesCase()).isFalse();
        assertThat(d.errors()).extracting("column").containsExactly(column);
        assertThat(d.errors().getFirst().row()).isEqualTo(7);
    }
}
