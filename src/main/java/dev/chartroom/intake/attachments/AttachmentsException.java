package dev.chartroom.intake.attachments;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A refusal of the bulk attachments contract: validation problems (422 with a {@code detail} list),
 * or another status with a {@code detail} sentence.
 */
class AttachmentsException extends RuntimeException {

    private final HttpStatus status;
    private final List<AttachmentProblem> problems;

    private AttachmentsException(HttpStatus status, String detail, List<AttachmentProblem> problems) {
        super(detail, null, false, false);
        this.status = status;
        this.problems = problems;
    }

    static AttachmentsException invalid(List<AttachmentProblem> problems) {
        return new AttachmentsException(HttpStatus.UNPROCESSABLE_CONTENT, "validation failed", List.copyOf(problems));
    }

    static AttachmentsException of(HttpStatus status, String detail) {
        return new AttachmentsException(status, detail, List.of());
    }

    HttpStatus status() {
        return status;
    }

    List<AttachmentProblem> problems() {
        return problems;
    }
}
