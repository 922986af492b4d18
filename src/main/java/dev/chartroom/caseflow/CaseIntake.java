package dev.chartroom.caseflow;

import dev.chartroom.deid.TextDeidentifier;
import dev.chartroom.jobs.Jobs;
import dev.chartroom.patient.Demographics;
import dev.chartroom.patient.PatientFacts;
import dev.chartroom.patient.Patients;
import dev.chartroom.patient.Precedence;
import dev.chartroom.patient.StoredPatients;
import dev.chartroom.tenant.OrganizationId;
import dev.chartroom.text.Text;
import dev.chartroom.upload.RowError;
import dev.chartroom.webhook.EventType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/**
 * Applies typed CSV rows to cases: appointments make and reprocess cases, medications enrich the
 * cases of a patient. Runs inside the caller's transaction; row problems come back as row errors.
 */
@Service
public class CaseIntake {

    static final String UNKNOWN = "unknown";

    private final Cases cases;
    private final Patients patients;
    private final Clinicians clinicians;
    private final RoutingRules routingRules;
    private final CaseNoteExtraction noteExtraction;
    private final Jobs jobs;
    private final Clock clock;

    CaseIntake(
            Cases cases,
            Patients patients,
            Clinicians clinicians,
            RoutingRules routingRules,
            CaseNoteExtraction noteExtraction,
            Jobs jobs,
            Clock clock) {
        this.noteExtraction = noteExtraction;
        this.jobs = jobs;
        this.cases = cases;
        this.patients = patients;
        this.clinicians = clinicians;
        this.routingRules = routingRules;
        this.clock = clock;
    }

    /** What an appointments upload did. */
    public record AppointmentsApplied(
            int created,
            int reprocessed,
            int unchanged,
            List<CaseChange> changes,
            Map<String, Long> patientsCreated,
            List<RowError> errors) {}

    /** What a medications upload did. */
    public record MedicationsApplied(int patients, int medications, List<RowError> errors) {}

    /** What a consult-notes upload did; {@code enriched} cases were announced as case.updated by the caller or a job. */
    public record ConsultNotesApplied(int notes, List<CaseChange> enriched, List<RowError> errors) {}

    /**
     * Keeps each appointment's notes on its case and runs the clinical extractor over all of a
     * case's notes: inline when it is local (the result is in the answer's transaction), as a job
     * when it is a remote model.
     */
    public ConsultNotesApplied applyConsultNotes(
            OrganizationId organizationId, String uploadId, List<ConsultNoteRow> rows) {
        List<RowError> errors = new ArrayList<>();
        Map<String, List<ConsultNoteRow>> byAppointment = new LinkedHashMap<>();
        for (ConsultNoteRow row : rows) {
            if (row.appointmentId() == null) {
                errors.add(new RowError(row.line(), "AppointmentId", "AppointmentId is empty; the row was skipped."));
                continue;
            }
            byAppointment
                    .computeIfAbsent(row.appointmentId(), k -> new ArrayList<>())
                    .add(row);
        }
        Map<String, Cases.Stored> stored = cases.stored(organizationId, byAppointment.keySet());
        Instant now = Instant.now(clock);
        Map<Long, List<CaseNote>> notesByCase = new LinkedHashMap<>();
        Map<Long, List<ConsultNoteRow>> rowsByCase = new LinkedHashMap<>();
        List<CaseChange> enriched = new ArrayList<>();
        for (var group : byAppointment.entrySet()) {
            Cases.Stored target = stored.get(group.getKey());
            if (target == null) {
                group.getValue()
                        .forEach(row -> errors.add(new RowError(
                                row.line(),
                                "AppointmentId",
                                "No case with this AppointmentId; the note was not stored.")));
                continue;
            }
            List<CaseNote> texts = group.getValue().stream()
                    .filter(row -> row.text() != null) // the seed: rows without VPText contribute nothing
                    .map(row -> new CaseNote(Text.cut(row.category(), 300), row.text(), now))
                    .toList();
            notesByCase.put(target.id(), texts);
            rowsByCase.put(target.id(), group.getValue());
            if (!noteExtraction.runsInline()) {
                jobs.enqueueFor(organizationId, CaseNoteExtraction.JOB, Long.toString(target.id()));
            }
        }
        int notes = cases.addNotes(organizationId, notesByCase, uploadId);
        if (noteExtraction.runsInline()) {
            noteExtraction.extractNow(organizationId, notesByCase.keySet()).forEach((caseId, unreadable) -> {
                for (ConsultNoteRow row : rowsByCase.getOrDefault(caseId, List.of())) {
                    if (row.text() != null
                            && unreadable.stream().anyMatch(note -> note.text().equals(row.text()))) {
                        errors.add(new RowError(
                                row.line(),
                                "VPText",
                                "The note was stored, but medications and "
                                        + "allergies could not be read from it (the extractor failed on its text); the other "
                                        + "notes were read."));
                    }
                }
            });
            // Announced as they now are, with what was read from their notes.
            for (long caseId : notesByCase.keySet()) {
                cases.byId(organizationId, caseId)
                        .ifPresent(c -> enriched.add(CaseChange.of(EventType.CASE_UPDATED, c)));
            }
        }
        return new ConsultNotesApplied(notes, enriched, errors);
    }

    /** Whether the organization routes cases at all: without rules, appointments are refused (422). */
    public boolean hasRoutingRules(OrganizationId organizationId) {
        return !routingRules.list(organizationId).isEmpty();
    }

    /**
     * Starts applying one appointments file whose AppointmentIds were gathered in a first pass;
     * its rows are then added in file order and applied a chunk at a time, each chunk's changes
     * handed to {@code announce} inside the caller's transaction.
     */
    public AppointmentsUpload appointments(
            OrganizationId organizationId,
            String uploadId,
            AppointmentIds ids,
            Consumer<AppointmentsApplied> announce) {
        return appointments(organizationId, uploadId, ids, announce, false);
    }

    /**
     * As {@link #appointments(String, String, AppointmentIds, Consumer)}; {@code anonymized}: the rows
     * come de-identified (pseudonymous ids, shifted dates, no names) but with their phone, which the
     * rules check and report on and which is then stored nowhere.
     */
    public AppointmentsUpload appointments(
            OrganizationId organizationId,
            String uploadId,
            AppointmentIds ids,
            Consumer<AppointmentsApplied> announce,
            boolean anonymized) {
        var rules = new AppointmentRules(
                clinicians.list(organizationId),
                routingRules.list(organizationId),
                LocalDate.ofInstant(Instant.now(clock), ZoneOffset.UTC));
        return new AppointmentsUpload(
                rows -> applyAppointments(organizationId, uploadId, rules, rows, anonymized), ids, announce);
    }

    /**
     * Applies a chunk of rows with distinct AppointmentIds (rows without one only yield their
     * errors): new appointments make cases, changed ones reprocess theirs, unchanged ones are left.
     */
    private AppointmentsApplied applyAppointments(
            OrganizationId organizationId,
            String uploadId,
            AppointmentRules rules,
            List<Appointment> rows,
            boolean anonymized) {
        Instant now = Instant.now(clock);
        List<RowError> errors = new ArrayList<>();
        Map<String, Appointment> latest = latestById(rows, rules, errors);
        Map<String, Cases.Stored> stored = cases.stored(organizationId, latest.keySet());
        CasePlan plan = plan(latest, stored, rules, errors);
        if (anonymized) {
            plan = plan.withoutPhones();
        }
        StoredPatients people = patients.upsert(
                organizationId, patientFacts(latest, plan, now, anonymized), Precedence.UPLOAD_WINS, anonymized);

        List<Cases.Write> inserts = new ArrayList<>();
        plan.toCreate()
                .forEach((appointmentId, decision) ->
                        inserts.add(write(latest.get(appointmentId), decision, people, uploadId)));
        cases.insert(organizationId, inserts, now);
        Map<Long, Cases.Write> updates = new LinkedHashMap<>();
        plan.toReprocess()
                .forEach((appointmentId, decision) -> updates.put(
                        stored.get(appointmentId).id(), write(latest.get(appointmentId), decision, people, uploadId)));
        cases.update(organizationId, updates, now);

        Map<String, Long> patientsCreated = new LinkedHashMap<>();
        people.created()
                .forEach(externalId ->
                        patientsCreated.put(externalId, people.idsByExternalId().get(externalId)));
        return new AppointmentsApplied(
                plan.toCreate().size(),
                plan.toReprocess().size(),
                plan.unchanged(),
                changes(organizationId, latest, plan),
                patientsCreated,
                errors);
    }

    /** What a chunk does to its cases, by AppointmentId. */
    private record CasePlan(Map<String, CaseDecision> toCreate, Map<String, CaseDecision> toReprocess, int unchanged) {

        List<String> touched() {
            return concat(toCreate.keySet(), toReprocess.keySet());
        }

        /** The same plan storing no phone: an anonymized upload's phones are checked, never kept. */
        CasePlan withoutPhones() {
            return new CasePlan(withoutPhones(toCreate), withoutPhones(toReprocess), unchanged);
        }

        private static Map<String, CaseDecision> withoutPhones(Map<String, CaseDecision> decisions) {
            Map<String, CaseDecision> kept = new LinkedHashMap<>();
            decisions.forEach((id, d) -> kept.put(id, d.withoutPhone()));
            return kept;
        }
    }

    /** The rows that name an appointment, the last one of each id winning; the others only yield errors. */
    private static Map<String, Appointment> latestById(
            List<Appointment> rows, AppointmentRules rules, List<RowError> errors) {
        Map<String, Appointment> latest = new LinkedHashMap<>();
        for (Appointment row : rows) {
            if (row.appointmentId() != null) {
                latest.put(row.appointmentId(), row);
            } else {
                errors.addAll(rules.decide(row).errors());
            }
        }
        return latest;
    }

    /** Unchanged appointments are left alone; the rules decide the others. */
    private CasePlan plan(
            Map<String, Appointment> latest,
            Map<String, Cases.Stored> stored,
            AppointmentRules rules,
            List<RowError> errors) {
        Map<String, CaseDecision> toCreate = new LinkedHashMap<>();
        Map<String, CaseDecision> toReprocess = new LinkedHashMap<>();
        int unchanged = 0;
        for (Appointment row : latest.values()) {
            Cases.Stored existing = stored.get(row.appointmentId());
            if (existing != null && existing.watched().equals(watched(row))) {
                unchanged++;
                continue;
            }
            CaseDecision decision = rules.decide(row);
            errors.addAll(decision.errors());
            if (decision.makesCase()) {
                (existing == null ? toCreate : toReprocess).put(row.appointmentId(), decision);
            } else if (existing != null && decision.status() != null) {
                toReprocess.put(row.appointmentId(), decision);
            }
        }
        return new CasePlan(toCreate, toReprocess, unchanged);
    }

    /** The patients of the cases the chunk writes, one entry per patient. */
    private List<PatientFacts> patientFacts(
            Map<String, Appointment> latest, CasePlan plan, Instant now, boolean anonymized) {
        Map<String, PatientFacts> byRecordId = new LinkedHashMap<>();
        for (var decisions : List.of(plan.toCreate(), plan.toReprocess())) {
            decisions.forEach((appointmentId, decision) -> {
                Appointment row = latest.get(appointmentId);
                PatientFacts facts = patientFacts(row, decision.phone(), now);
                byRecordId.put(
                        row.patientRecordId(),
                        anonymized
                                ? facts.withAttributes(Map.of(PatientFacts.DEIDENTIFIED_BY, TextDeidentifier.METHOD))
                                : facts);
            });
        }
        return new ArrayList<>(byRecordId.values());
    }

    /** The cases as they now are, each as the event it announces. */
    private List<CaseChange> changes(OrganizationId organizationId, Map<String, Appointment> latest, CasePlan plan) {
        List<CaseChange> changes = new ArrayList<>();
        Map<String, Cases.Stored> after = cases.stored(organizationId, plan.touched());
        plan.toCreate().forEach((appointmentId, decision) -> {
            Cases.Stored c = after.get(appointmentId);
            changes.add(new CaseChange(
                    EventType.CASE_CREATED,
                    c.id(),
                    appointmentId,
                    latest.get(appointmentId).patientRecordId(),
                    c.status(),
                    decision.cancelReason(),
                    decision.agent(),
                    c.version()));
        });
        plan.toReprocess().forEach((appointmentId, decision) -> {
            Cases.Stored c = after.get(appointmentId);
            EventType type =
                    CaseDecision.CANCELLED.equals(c.status()) ? EventType.CASE_CANCELLED : EventType.CASE_UPDATED;
            changes.add(new CaseChange(
                    type,
                    c.id(),
                    appointmentId,
                    latest.get(appointmentId).patientRecordId(),
                    c.status(),
                    decision.cancelReason(),
                    decision.agent(),
                    c.version()));
        });
        return changes;
    }

    public MedicationsApplied applyMedications(OrganizationId organizationId, List<MedicationRow> rows) {
        List<RowError> errors = new ArrayList<>();
        Map<String, List<MedicationRow>> byPatient = new LinkedHashMap<>();
        for (MedicationRow row : rows) {
            if (row.medicationName() == null) {
                continue; // the seed: rows without a MedicationName are dropped silently
            }
            if (row.patientRecordId() == null) {
                errors.add(
                        new RowError(row.line(), "PatientRecordId", "PatientRecordId is empty; the row was skipped."));
                continue;
            }
            byPatient
                    .computeIfAbsent(row.patientRecordId(), k -> new ArrayList<>())
                    .add(row);
        }
        Map<String, Long> patientIds = patients.idsOf(organizationId, byPatient.keySet());
        Map<Long, List<Long>> casesOfPatient = cases.ofPatients(organizationId, patientIds.values());
        Map<Long, List<CaseMedication>> byCase = new LinkedHashMap<>();
        int patientsEnriched = 0;
        int medications = 0;
        for (var group : byPatient.entrySet()) {
            Long patientId = patientIds.get(group.getKey());
            List<Long> caseIds = patientId == null ? List.of() : casesOfPatient.getOrDefault(patientId, List.of());
            if (caseIds.isEmpty()) {
                for (MedicationRow row : group.getValue()) {
                    errors.add(new RowError(
                            row.line(),
                            "PatientRecordId",
                            patientId == null
                                    ? "No patient with this PatientRecordId; the medication was not stored."
                                    : "This patient has no case to enrich; the medication was not stored."));
                }
                continue;
            }
            List<CaseMedication> list =
                    group.getValue().stream().map(CaseIntake::medication).toList();
            caseIds.forEach(caseId -> byCase.put(caseId, list));
            patientsEnriched++;
            medications += list.size();
        }
        cases.replaceMedications(organizationId, byCase, "csv");
        return new MedicationsApplied(patientsEnriched, medications, errors);
    }

    private static CaseMedication medication(MedicationRow row) {
        String dosage = row.dose() != null ? row.dose() : row.strength();
        return new CaseMedication(
                Text.cut(row.medicationName(), 500),
                orUnknown(Text.cut(dosage, 500)),
                orUnknown(Text.cut(row.sig(), 500)),
                orUnknown(Text.cut(row.dateStarted(), 200)),
                orUnknown(Text.cut(row.route(), 100)),
                "csv");
    }

    private static Cases.Write write(Appointment row, CaseDecision decision, StoredPatients people, String uploadId) {
        long patientId = people.idsByExternalId().get(row.patientRecordId());
        return new Cases.Write(row.appointmentId(), patientId, decision, watched(row), row.optional(), uploadId);
    }

    /** The six fields whose change makes a re-upload reprocess a case. */
    static List<String> watched(Appointment row) {
        return Arrays.asList(
                row.date(), row.status(), row.doctor(), row.virtual(), row.intakeCharted(), row.testStatus());
    }

    /** @param phone the row's phone as the rules read it (E.164, or null): libphonenumber is the costliest step of a row */
    private static PatientFacts patientFacts(Appointment row, String phone, Instant now) {
        String first = Text.cut(row.firstName(), Demographics.MAX_NAME_PART);
        String last = Text.cut(row.lastName(), Demographics.MAX_NAME_PART);
        String name = Demographics.fullName(first, last);
        LocalDate birth = Demographics.birthDate(row.dob(), LocalDate.ofInstant(now, ZoneOffset.UTC))
                .orElse(null);
        return new PatientFacts(
                Text.cut(row.patientRecordId(), 200),
                name,
                first,
                last,
                birth,
                null,
                phone,
                null,
                null,
                null,
                Map.of());
    }

    private static List<String> concat(java.util.Collection<String> a, java.util.Collection<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String orUnknown(String value) {
        return value == null ? UNKNOWN : value;
    }
}
