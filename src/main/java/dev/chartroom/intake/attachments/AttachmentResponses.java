package dev.chartroom.intake.attachments;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.chartroom.patient.PatientDetails;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The seed's response bodies: {@code {"attachments":[NoteAttachmentResponse…]}} and the errors. */
final class AttachmentResponses {

    private AttachmentResponses() {}

    record Bulk(List<NoteAttachment> attachments) {}

    /**
     * Every field of the seed's NoteAttachmentResponse. {@code gcsPath} is the blob's storage key;
     * Chartroom keeps no annotations, providers or tags on attachments, so those are empty or null.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record NoteAttachment(
            String id,
            String gcsPath,
            String originalFilename,
            String signedUrl,
            String name,
            Instant createdDate,
            String noteId,
            String thumbnailSignedUrl,
            List<Object> annotations,
            String externalId,
            Patient patient,
            Note note,
            Object provider,
            List<Object> tags) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Note(String id, Instant createdDate) {}

    /** The seed's patient object, filled from the Chartroom record; what Chartroom does not keep is null. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Patient(
            String id,
            String type,
            Instant createdDate,
            String firstName,
            String lastName,
            String phoneNumber,
            String email,
            String locationId,
            String externalId,
            String address,
            String addressLineTwo,
            String city,
            String state,
            String zipCode,
            String country,
            Boolean addressValid,
            Map<String, String> meta,
            boolean isArchived,
            String primaryLocationId,
            String gender,
            String pronouns,
            String preferredName,
            LocalDate dateOfBirth,
            List<String> patientMedications,
            String patientSource,
            String leadSource,
            boolean onSchedulingBlacklist,
            boolean surchargeDisabled,
            List<Object> tags,
            Number creditBalance,
            String preferredProviderId,
            String dosespotPatientId) {

        static Patient of(PatientDetails details) {
            var p = details.summary();
            return new Patient(
                    Long.toString(p.id()),
                    "PATIENT",
                    p.createdAt(),
                    firstName(p.firstName(), p.name()),
                    lastName(p.lastName(), p.name()),
                    details.phone(),
                    details.email(),
                    null,
                    p.externalId(),
                    null,
                    null,
                    null,
                    null,
                    details.zip(),
                    null,
                    null,
                    details.attributes(),
                    false,
                    null,
                    p.sex(),
                    null,
                    null,
                    p.birthDate(),
                    List.of(),
                    null,
                    null,
                    false,
                    false,
                    List.of(),
                    0,
                    null,
                    null);
        }

        /** A record with only a full name still shows a first and last name. */
        private static String firstName(String first, String name) {
            if (first != null || name == null || name.isBlank()) {
                return first;
            }
            String full = name.strip();
            int space = full.lastIndexOf(' ');
            return space < 0 ? full : full.substring(0, space);
        }

        private static String lastName(String last, String name) {
            if (last != null || name == null || name.isBlank()) {
                return last;
            }
            String full = name.strip();
            int space = full.lastIndexOf(' ');
            return space < 0 ? null : full.substring(space + 1);
        }
    }

    /** {@code {"detail":"..."}} for 401, 403, 404, 413. */
    record Error(String detail) {}

    /** {@code {"detail":[{"loc","msg","type"}…]}} for 422. */
    record Invalid(List<AttachmentProblem> detail) {}
}
