package dev.chartroom.upload;

/** What is known of an upload when it is accepted. */
public record NewUpload(
        UploadKind kind, String fileName, long size, String sha256, String groupId, boolean anonymize) {}
