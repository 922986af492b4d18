package dev.chartroom.intake.documents;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.chartroom.intake.UploadedFile;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The multipart fields of {@code POST /v1/documents} as the seed names them, as sent (any may be
 * missing); {@link DocumentUploadIntake#accept} checks them and answers in the seed's shape.
 */
@Schema(name = "DocumentUploadForm", description = "multipart/form-data fields of a document upload")
record DocumentUploadForm(
        @JsonProperty("folder_name")
        @Schema(
                description = "The folder to store the document in; nested with '/' (e.g. MedicalRecords/LabResults), "
                        + "no empty, '.' or '..' segments",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String folderName,

        @JsonProperty("patient_mrn")
        @Schema(description = "The medical record number of the patient", requiredMode = Schema.RequiredMode.REQUIRED)
        String patientMrn,

        @Schema(
                description = "The document: PDF, JPEG or PNG (by content), at most 5MB",
                type = "string",
                format = "binary",
                requiredMode = Schema.RequiredMode.REQUIRED)
        UploadedFile document,

        @JsonProperty("emr_assigned_to_id")
        @Schema(
                description = "The staff id to assign the document to; must match a staff member of the organization",
                requiredMode = Schema.RequiredMode.NOT_REQUIRED)
        String emrAssignedToId,

        @JsonProperty("is_reviewed")
        @Schema(
                description = "Mark the document as reviewed",
                type = "boolean",
                defaultValue = "false",
                requiredMode = Schema.RequiredMode.NOT_REQUIRED)
        String isReviewed,

        @Schema(
                description = "Description or notes for the document, at most 1000 characters",
                maxLength = 1000,
                requiredMode = Schema.RequiredMode.NOT_REQUIRED)
        String notes,

        @JsonProperty("is_high_priority")
        @Schema(
                description = "Mark the document as high priority",
                type = "boolean",
                defaultValue = "false",
                requiredMode = Schema.RequiredMode.NOT_REQUIRED)
        String isHighPriority) {}
