package dev.chartroom.caseflow;

import dev.chartroom.extract.Allergy;
import dev.chartroom.extract.ClinicalExtractor;
import dev.chartroom.extract.Extraction;
import dev.chartroom.extract.Medication;
import dev.chartroom.jobs.Job;
import dev.chartroom.jobs.JobHandler;
import dev.chartroom.tenant.OrganizationId;
import dev.chartroom.text.Text;
import dev.chartroom.webhook.EventType;
import dev.chartroom.webhook.WebhookEvents;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a case's consult notes with the clinical extractor and puts the medications and allergies
 * found on the case (source {@code consult-note}, replacing that source's earlier lists). A local
 * extractor runs inside the upload; a remote one runs here, as a job, and the case is announced
 * ({@code case.updated}) when it is done.
 */
@Component
class CaseNoteExtraction implements JobHandler {

    private static final Logger log = LoggerFactory.getLogger(CaseNoteExtraction.class);

    static final String JOB = "case.extract-notes";
    static final String SOURCE = "consult-note";

    private final ClinicalExtractor extractor;
    private final Cases cases;
    private final WebhookEvents events;
    private final TransactionTemplate transaction;

    CaseNoteExtraction(
            ClinicalExtractor extractor, Cases cases, WebhookEvents events, TransactionTemplate transaction) {
        this.extractor = extractor;
        this.cases = cases;
        this.events = events;
        this.transaction = transaction;
    }

    boolean runsInline() {
        return extractor.local();
    }

    /**
     * Extracts from each case's notes and stores the results, in the caller's transaction.
     *
     * @return by case, the notes the extractor could not read (the others' findings are stored)
     */
    Map<Long, List<CaseNote>> extractNow(OrganizationId organizationId, java.util.Collection<Long> caseIds) {
        Map<Long, Extraction> found = new java.util.LinkedHashMap<>();
        Map<Long, List<CaseNote>> unreadable = new java.util.LinkedHashMap<>();
        cases.notesOf(organizationId, caseIds).forEach((caseId, notes) -> {
            Read read = read(notes);
            found.put(caseId, read.found());
            if (!read.unreadable().isEmpty()) {
                unreadable.put(caseId, read.unreadable());
            }
        });
        store(organizationId, found);
        return unreadable;
    }

    /** What the notes of one case gave, and the notes that the extractor failed on. */
    record Read(Extraction found, List<CaseNote> unreadable) {}

    /**
     * The notes read together (the seed's extraction context); when the extractor fails on that,
     * each note on its own, so one note it cannot read does not cost the others their findings.
     */
    Read read(List<CaseNote> notes) {
        try {
            return new Read(extractor.extract(context(notes)), List.of());
        } catch (RuntimeException | StackOverflowError together) {
            var medications = new LinkedHashMap<String, Medication>();
            var allergies = new LinkedHashMap<String, Allergy>();
            var unreadable = new java.util.ArrayList<CaseNote>();
            String provider = Extraction.BUILTIN;
            for (CaseNote note : notes) {
                try {
                    Extraction one = extractor.extract(context(List.of(note)));
                    provider = one.provider();
                    one.medications()
                            .forEach(m -> medications.putIfAbsent(m.name().toLowerCase(Locale.ROOT), m));
                    one.allergies()
                            .forEach(a -> allergies.putIfAbsent(a.substance().toLowerCase(Locale.ROOT), a));
                } catch (RuntimeException | StackOverflowError e) {
                    // the class only: the message may quote the note
                    log.warn(
                            "The clinical extractor failed on a consult note: {}",
                            e.getClass().getName());
                    unreadable.add(note);
                }
            }
            return new Read(
                    new Extraction(List.copyOf(medications.values()), List.copyOf(allergies.values()), provider, null),
                    unreadable);
        }
    }

    @Override
    public String type() {
        return JOB;
    }

    @Override
    public void run(Job job) {
        long caseId = Long.parseLong(job.payload().strip());
        // The remote call happens outside any transaction; only the result is written in one.
        OrganizationId organizationId = job.organizationId();
        Extraction found = read(cases.notesOf(organizationId, List.of(caseId)).getOrDefault(caseId, List.of()))
                .found();
        transaction.executeWithoutResult(status -> {
            store(organizationId, Map.of(caseId, found));
            cases.byId(organizationId, caseId)
                    .ifPresent(c -> events.publish(
                            organizationId, EventType.CASE_UPDATED, CaseChange.of(EventType.CASE_UPDATED, c)));
        });
    }

    private void store(OrganizationId organizationId, Map<Long, Extraction> foundByCase) {
        Map<Long, List<CaseMedication>> medications = new java.util.LinkedHashMap<>();
        Map<Long, List<CaseAllergy>> allergies = new java.util.LinkedHashMap<>();
        foundByCase.forEach((caseId, found) -> {
            medications.put(
                    caseId,
                    found.medications().stream()
                            .map(m -> new CaseMedication(
                                    Text.cut(m.name(), 500),
                                    orUnknown(Text.cut(m.dose(), 500)),
                                    orUnknown(Text.cut(m.frequency(), 500)),
                                    CaseIntake.UNKNOWN,
                                    orUnknown(Text.cut(m.route(), 100)),
                                    SOURCE))
                            .toList());
            allergies.put(
                    caseId,
                    found.allergies().stream()
                            .map(a ->
                                    new CaseAllergy(Text.cut(a.substance(), 500), Text.cut(a.reaction(), 500), SOURCE))
                            .toList());
        });
        cases.replaceMedications(organizationId, medications, SOURCE);
        cases.replaceAllergies(organizationId, allergies, SOURCE);
    }

    /** The notes as one text for the extractor, each under its category (the seed's "extraction context"). */
    static String context(List<CaseNote> notes) {
        var text = new StringBuilder();
        for (CaseNote note : notes) {
            text.append("Category: ")
                    .append(note.category())
                    .append("\n")
                    .append(note.text())
                    .append("\n\n");
        }
        return text.toString();
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? CaseIntake.UNKNOWN : value;
    }
}
