package dev.chartroom.patient;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.chartroom.audit.AuditLog;
import dev.chartroom.document.DocumentView;
import dev.chartroom.document.Documents;
import dev.chartroom.document.SignedUrls;
import dev.chartroom.jobs.FailedStep;
import dev.chartroom.jobs.StepFailures;
import dev.chartroom.tenant.Caller;
import dev.chartroom.text.Text;
import dev.chartroom.web.Cursor;
import dev.chartroom.web.NativeApi;
import dev.chartroom.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@NativeApi
@RequestMapping("/v1/patients")
@Tag(name = "Patients", description = "What was ingested, per patient")
class PatientApi {

    private final Patients patients;
    private final Documents documents;
    private final SignedUrls urls;
    private final List<PatientRecordPart> parts;
    private final ClinicalFacts clinicalFacts;
    private final StepFailures stepFailures;
    private final AuditLog audit;

    PatientApi(
            Patients patients,
            Documents documents,
            SignedUrls urls,
            List<PatientRecordPart> parts,
            ClinicalFacts clinicalFacts,
            StepFailures stepFailures,
            AuditLog audit) {
        this.clinicalFacts = clinicalFacts;
        this.stepFailures = stepFailures;
        this.audit = audit;
        this.patients = patients;
        this.documents = documents;
        this.urls = urls;
        this.parts = parts;
    }

    /** The attribute a de-identified record keeps the name of the rules in (see dev.chartroom.deid). */
    static final String DEIDENTIFIED_BY = PatientFacts.DEIDENTIFIED_BY;

    record PatientPage(List<PatientSummary> data, String nextCursor) {}

    /**
     * One patient's whole record. {@code anonymized}: the record was stored de-identified (an upload
     * with {@code anonymize=true}), by the rules {@code deidentificationMethod} names;
     * {@code anonymizeRequested} says the same under its earlier name.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PatientRecord(
            long id,
            String externalId,
            String name,
            String firstName,
            String lastName,
            LocalDate birthDate,
            String sex,
            String phone,
            String email,
            String diagnosis,
            String zip,
            Map<String, String> attributes,
            List<String> groups,
            List<PatientEvent> events,
            List<DocumentView> documents,
            List<?> cases,
            List<?> medications,
            List<?> allergies,
            String text,
            boolean anonymized,
            String deidentificationMethod,
            boolean anonymizeRequested,
            Instant createdAt,
            Instant updatedAt,
            List<FailedStep> failedSteps) {}

    @GetMapping
    @Operation(summary = "List patients", description = "Filters combine; pages follow nextCursor until it is null.")
    PatientPage list(
            Caller caller,
            @Parameter(description = "The organization's own patient id (MRN)") @RequestParam(required = false)
                    String externalId,
            @Parameter(description = "Only members of this group") @RequestParam(required = false) String group,
            @Parameter(description = "Text in names, externalId or extracted text") @RequestParam(required = false)
                    String q,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "100") int limit) {
        int size = Cursor.limit(limit, 1000);
        long after = Cursor.after(cursor);
        List<PatientSummary> page = patients.list(
                caller.organizationId(),
                new PatientFilter(Text.blankToNull(externalId), Text.blankToNull(group), Text.blankToNull(q)),
                after,
                size + 1);
        audit.read(caller, "list", "patient", null);
        String next = null;
        if (page.size() > size) {
            page = page.subList(0, size);
            next = Long.toString(page.getLast().id());
        }
        return new PatientPage(page, next);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One patient's whole record")
    PatientRecord get(Caller caller, @PathVariable String id) {
        long patientId;
        try {
            patientId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw notFound();
        }
        PatientDetails details =
                patients.find(caller.organizationId(), patientId).orElseThrow(PatientApi::notFound);
        audit.read(caller, "read", "patient", Long.toString(patientId));
        PatientSummary p = details.summary();
        List<DocumentView> docs = documents.ofPatient(caller.organizationId(), patientId).stream()
                .map(d -> DocumentView.of(caller.organizationId(), d, urls))
                .toList();
        Map<String, List<?>> more = new java.util.HashMap<>();
        more.put("medications", clinicalFacts.medications(caller.organizationId(), patientId));
        more.put("allergies", clinicalFacts.allergies(caller.organizationId(), patientId));
        parts.forEach(part -> part.of(caller.organizationId(), patientId)
                .forEach((name, value) -> more.merge(name, value, PatientApi::concat)));
        return new PatientRecord(
                p.id(),
                p.externalId(),
                p.name(),
                p.firstName(),
                p.lastName(),
                p.birthDate(),
                p.sex(),
                details.phone(),
                details.email(),
                details.diagnosis(),
                details.zip(),
                details.attributes(),
                p.groups(),
                details.events(),
                docs,
                more.getOrDefault("cases", List.of()),
                more.getOrDefault("medications", List.of()),
                more.getOrDefault("allergies", List.of()),
                details.clinicalText(),
                details.anonymized(),
                details.anonymized() ? details.attributes().get(DEIDENTIFIED_BY) : null,
                details.anonymized(),
                p.createdAt(),
                p.updatedAt(),
                stepFailures.ofPatient(caller.organizationId(), patientId));
    }

    /** Two modules' lists under one name are shown as one list. */
    private static List<?> concat(List<?> first, List<?> second) {
        var all = new java.util.ArrayList<Object>(first);
        all.addAll(second);
        return all;
    }

    private static NotFoundException notFound() {
        return new NotFoundException("patient_not_found", "No patient with that id.");
    }
}
