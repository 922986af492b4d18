package dev.chartroom.intake.documents;

import java.util.Optional;

/**
 * The rules of a document's {@code folder_name}: one or more names joined by {@code /}
 * ({@code MedicalRecords/LabResults}), none of them empty, {@code .} or {@code ..}, without control
 * characters or backslashes, at most 500 characters in all and 100 per name.
 */
final class FolderName {

    static final int MAX_LENGTH = 500;
    static final int MAX_SEGMENT_LENGTH = 100;

    private FolderName() {}

    /** What is wrong with the folder name, in a sentence for the caller; empty when it is valid. */
    static Optional<String> problem(String folder) {
        if (folder == null || folder.isEmpty()) {
            return Optional.of("folder_name is required.");
        }
        if (folder.length() > MAX_LENGTH) {
            return Optional.of("folder_name is longer than " + MAX_LENGTH + " characters.");
        }
        if (folder.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\')) {
            return Optional.of("folder_name must not contain control characters or backslashes.");
        }
        for (String segment : folder.split("/", -1)) {
            if (segment.isBlank()) {
                return Optional.of(
                        "folder_name must not contain empty folder names (leading, trailing or double '/').");
            }
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("folder_name must not contain '.' or '..' folders.");
            }
            if (!segment.equals(segment.strip())) {
                return Optional.of("folder names must not start or end with spaces.");
            }
            if (segment.length() > MAX_SEGMENT_LENGTH) {
                return Optional.of("each folder name must be at most " + MAX_SEGMENT_LENGTH + " characters.");
            }
        }
        return Optional.empty();
    }
}
