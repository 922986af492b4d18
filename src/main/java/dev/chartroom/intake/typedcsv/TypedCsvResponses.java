package dev.chartroom.intake.typedcsv;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** The seed's bodies: success with the file's data, and errors. */
final class TypedCsvResponses {

    private TypedCsvResponses() {}

    record Success(boolean success, Data data, String message) {}

    /** The seed's data fields, plus {@code upload_id} naming the report at /v1/uploads/{id}. */
    record Data(
            @JsonProperty("file_name") String fileName,
            String type,
            long size,
            @JsonProperty("uploaded_at") Instant uploadedAt,
            @JsonProperty("upload_id") String uploadId) {}

    record Error(boolean success, String error, String message) {}
}
