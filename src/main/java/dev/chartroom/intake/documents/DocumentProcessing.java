package dev.chartroom.intake.documents;

import dev.chartroom.caseflow.StaffMember;
import dev.chartroom.caseflow.StaffMembers;
import dev.chartroom.document.ContentKind;
import dev.chartroom.document.DecodingBusyException;
import dev.chartroom.document.Document;
import dev.chartroom.document.DocumentDecoding;
import dev.chartroom.document.DocumentStatus;
import dev.chartroom.document.DocumentThumbnails;
import dev.chartroom.document.Documents;
import dev.chartroom.document.PdfBoxTextExtractor;
import dev.chartroom.intake.IntakeLimits;
import dev.chartroom.jobs.Job;
import dev.chartroom.jobs.JobHandler;
import dev.chartroom.jobs.RetryLater;
import dev.chartroom.patient.DocumentTextExtraction;
import dev.chartroom.patient.Patients;
import dev.chartroom.storage.BlobKey;
import dev.chartroom.storage.BlobStore;
import dev.chartroom.storage.MissingBlobException;
import dev.chartroom.tenant.OrganizationId;
import dev.chartroom.webhook.EventType;
import dev.chartroom.webhook.WebhookEvents;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The document contract's asynchronous half: finds the patient by MRN, checks the assignee is an
 * active staff member, reads the file, then files the document under its patient and announces
 * {@code document.uploaded} — or records why not and announces {@code document.upload_failed} with
 * that reason. The decision and its event are one transaction, and only a pending document is
 * decided, so a repeated run changes and announces nothing.
 */
@Component
class DocumentProcessing implements JobHandler {

    private static final Logger log = LoggerFactory.getLogger(DocumentProcessing.class);

    static final String TYPE = "document.process";

    static final String PATIENT_NOT_FOUND = "Patient not found. Please check the patient MRN and try again.";
    static final String STAFF_NOT_FOUND =
            "Staff member not found. Please check emr_assigned_to_id against your organization's active staff list and try again.";
    static final String UNREADABLE = "The document could not be read: ";

    private final Documents documents;
    private final Patients patients;
    private final StaffMembers staff;
    private final BlobStore blobs;
    private final DocumentThumbnails thumbnails;
    private final DocumentTextExtraction textExtraction;
    private final WebhookEvents events;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final DocumentDecoding decoding;
    private final int pdfMaxPages;
    private final Clock clock;

    DocumentProcessing(
            Documents documents,
            Patients patients,
            StaffMembers staff,
            BlobStore blobs,
            DocumentThumbnails thumbnails,
            DocumentTextExtraction textExtraction,
            WebhookEvents events,
            TransactionTemplate transaction,
            JsonMapper json,
            IntakeLimits limits,
            DocumentDecoding decoding,
            Clock clock) {
        this.documents = documents;
        this.patients = patients;
        this.staff = staff;
        this.blobs = blobs;
        this.thumbnails = thumbnails;
        this.textExtraction = textExtraction;
        this.events = events;
        this.transaction = transaction;
        this.json = json;
        this.decoding = decoding;
        this.pdfMaxPages = limits.pdfMaxPages();
        this.clock = clock;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void run(Job job) throws IOException, RetryLater {
        OrganizationId org = job.organizationId();
        String documentId = json.readTree(job.payload()).get("documentId").asString();
        Document document = documents.find(org, documentId).orElse(null);
        if (document == null || document.status() != DocumentStatus.PENDING) {
            return; // decided by an earlier run
        }
        Optional<Long> patient = patients.idOf(org, document.patientMrn());
        if (patient.isEmpty()) {
            fail(org, document, PATIENT_NOT_FOUND);
            return;
        }
        if (document.assignedTo() != null
                && !staff.find(org, document.assignedTo())
                        .map(StaffMember::active)
                        .orElse(false)) {
            fail(org, document, STAFF_NOT_FOUND);
            return;
        }
        byte[] content;
        BlobKey key = new BlobKey(document.blobKey());
        try (InputStream in = blobs.open(key).orElseThrow(() -> new MissingBlobException(key, blobs))) {
            content = in.readAllBytes();
        } catch (MissingBlobException e) {
            log.error("Job {} ({}): {}", job.id(), TYPE, e.getMessage()); // retried: another node may read it
            throw e;
        }
        String text = null;
        try {
            if (document.contentType().equals(ContentKind.TEXT.mediaType())) {
                // An anonymizing organization's document: its de-identified text, read at the upload.
                text = new String(content, StandardCharsets.UTF_8);
            } else if (document.contentType().equals(ContentKind.PDF.mediaType())) {
                switch (decoding.readStrictPdf(content, pdfMaxPages)) {
                    case PdfBoxTextExtractor.Result.Readable readable -> text = readable.text();
                    case PdfBoxTextExtractor.Result.Unreadable unreadable -> {
                        fail(org, document, UNREADABLE + unreadable.reason());
                        return;
                    }
                }
            } else {
                var unreadable = decoding.unreadableImage(kindOf(document.contentType()), content);
                if (unreadable.isPresent()) {
                    fail(org, document, UNREADABLE + unreadable.get());
                    return;
                }
            }
        } catch (DecodingBusyException e) {
            throw new RetryLater(
                    "every decoding thread was busy", clock.instant().plus(e.retryAfter()));
        }
        String extracted = text;
        transaction.executeWithoutResult(status -> {
            if (documents.markProcessed(org, document.id(), patient.get(), extracted)) {
                if (!document.contentType().equals(ContentKind.TEXT.mediaType())) {
                    thumbnails.requestFor(org, document.id());
                }
                if (extracted != null && !extracted.isBlank()) {
                    textExtraction.schedule(org, document.id());
                }
                events.publish(org, EventType.DOCUMENT_UPLOADED, DocumentEvent.of(document, null));
            }
        });
    }

    private void fail(OrganizationId org, Document document, String reason) {
        transaction.executeWithoutResult(status -> {
            if (documents.markFailed(org, document.id(), reason)) {
                events.publish(org, EventType.DOCUMENT_UPLOAD_FAILED, DocumentEvent.of(document, reason));
            }
        });
    }

    private static ContentKind kindOf(String mediaType) {
        return mediaType.equals(ContentKind.PNG.mediaType()) ? ContentKind.PNG : ContentKind.JPEG;
    }
}
