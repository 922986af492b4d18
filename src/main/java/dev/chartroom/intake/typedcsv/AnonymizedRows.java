package dev.chartroom.intake.typedcsv;

import dev.chartroom.caseflow.Appointment;
import dev.chartroom.caseflow.ConsultNoteRow;
import dev.chartroom.caseflow.MedicationRow;
import dev.chartroom.deid.RecordDeidentifier;
import dev.chartroom.deid.Subject;
import java.util.Arrays;
import java.util.List;

/**
 * Typed CSV rows as an organization that anonymizes its uploads stores them (Safe Harbor): the
 * patient's ids (PatientRecordId, AppointmentId) become their keyed pseudonyms, so appointments,
 * medications, consult notes and patient uploads still join; names go; dates of birth and of
 * appointments and medications move by the patient's offset; free text is de-identified. The
 * appointment's doctor stays: it is the organization's own clinician, whom routing matches, not
 * the patient or a relative. The phone stays on the row only for the rules to check; the case
 * intake stores it nowhere (see {@code CaseIntake#appointments}).
 */
final class AnonymizedRows {

    private final RecordDeidentifier records;

    AnonymizedRows(RecordDeidentifier records) {
        this.records = records;
    }

    String appointmentId(String id) {
        return records.pseudonym(id);
    }

    Appointment appointment(Appointment a) {
        String patient = a.patientRecordId() == null ? "" : a.patientRecordId();
        Subject about = records.subject(patient, names(a.firstName(), a.lastName()));
        return new Appointment(
                a.line(),
                records.pseudonym(a.appointmentId()),
                records.pseudonym(a.patientRecordId()),
                a.status(),
                a.doctor(),
                a.virtual(),
                records.date(a.date(), patient),
                a.time(),
                null,
                null,
                records.birthDate(a.dob(), patient),
                a.phone(),
                a.newConsult(),
                a.testStatus(),
                a.intakeCharted(),
                records.attributes(a.optional(), about));
    }

    MedicationRow medication(MedicationRow m) {
        String patient = m.patientRecordId() == null ? "" : m.patientRecordId();
        return new MedicationRow(
                m.line(),
                records.pseudonym(m.patientRecordId()),
                m.medicationName(),
                m.dose(),
                m.strength(),
                records.text(m.sig(), records.subject(patient, List.of())),
                records.date(m.dateStarted(), patient),
                m.route());
    }

    /**
     * A consult note about a patient this file does not name: its dates become {@code [DATE]}
     * rather than move by an offset that would not be the patient's.
     */
    ConsultNoteRow consultNote(ConsultNoteRow n) {
        return new ConsultNoteRow(
                n.line(),
                records.pseudonym(n.appointmentId()),
                records.text(n.text(), Subject.UNKNOWN),
                n.categoryReport(),
                n.categoryTemplate());
    }

    private static List<String> names(String... names) {
        return Arrays.stream(names).filter(n -> n != null && !n.isBlank()).toList();
    }
}
