package dev.chartroom.patient;

import dev.chartroom.document.Documents;
import dev.chartroom.extract.ClinicalExtractor;
import dev.chartroom.extract.Extraction;
import dev.chartroom.jobs.Failures;
import dev.chartroom.jobs.Job;
import dev.chartroom.jobs.JobHandler;
import dev.chartroom.jobs.Jobs;
import dev.chartroom.jobs.StepFailures;
import dev.chartroom.tenant.OrganizationId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads medications and allergies out of the text of a patient's document, after the upload has
 * answered (the seed: clinical facts are extracted asynchronously). Running it again replaces the
 * facts of that document, so a repeated job changes nothing.
 */
@Component
public class DocumentTextExtraction implements JobHandler {

    static final String JOB = "patient.extract-document";

    private final ClinicalExtractor extractor;
    private final Documents documents;
    private final ClinicalFacts facts;
    private final Jobs jobs;
    private final StepFailures stepFailures;
    private final TransactionTemplate transaction;

    DocumentTextExtraction(
            ClinicalExtractor extractor,
            Documents documents,
            ClinicalFacts facts,
            Jobs jobs,
            StepFailures stepFailures,
            TransactionTemplate transaction) {
        this.extractor = extractor;
        this.documents = documents;
        this.facts = facts;
        this.jobs = jobs;
        this.stepFailures = stepFailures;
        this.transaction = transaction;
    }

    /** Schedules the extraction of a stored document's text; call in the transaction that stored it. */
    public void schedule(OrganizationId organizationId, String documentId) {
        jobs.enqueueFor(organizationId, JOB, documentId);
    }

    @Override
    public String type() {
        return JOB;
    }

    @Override
    public void run(Job job) {
        OrganizationId org = job.organizationId();
        var document = documents.find(org, job.payload().strip());
        if (document.isEmpty() || document.get().patientId() == null) {
            return; // removed since, or not a patient's document: nothing to read
        }
        String text = documents.extractedText(org, document.get().id()).orElse("");
        Extraction found = extractor.extract(text);
        String source = "document:" + document.get().id();
        transaction.executeWithoutResult(status -> {
            facts.replace(
                    org,
                    document.get().patientId(),
                    source,
                    found.medications().stream()
                            .map(m -> new PatientMedication(
                                    m.name(), m.ingredients(), m.dose(), m.frequency(), m.route(), source))
                            .toList(),
                    found.allergies().stream()
                            .map(a -> new PatientAllergy(a.substance(), a.reaction(), source))
                            .toList());
            stepFailures.clear(org, document.get().id(), StepFailures.EXTRACTION); // a revived job that now succeeds
        });
    }

    /** Extraction failed for good: the patient, the upload and its webhook say so. */
    @Override
    public void dead(Job job, Throwable cause) {
        OrganizationId org = job.organizationId();
        documents
                .find(org, job.payload().strip())
                .ifPresent(document -> transaction.executeWithoutResult(status -> stepFailures.record(
                        org,
                        new StepFailures.Subject(document.id(), document.uploadId(), document.patientId()),
                        StepFailures.EXTRACTION,
                        "Medications and allergies could not be read from document "
                                + document.id() + ": " + Failures.explain(cause)
                                + ". The document and its text are kept; add them "
                                + "by hand, or revive the job (POST /v1/jobs/" + job.id() + "/revive) after an update.",
                        job.id())));
    }
}
