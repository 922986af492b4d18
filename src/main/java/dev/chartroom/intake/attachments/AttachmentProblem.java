package dev.chartroom.intake.attachments;

import java.util.List;

/** One validation problem, FastAPI style: where ({@code ["body","names"]}), what, and its kind. */
record AttachmentProblem(List<Object> loc, String msg, String type) {

    static AttachmentProblem missing(Object... loc) {
        return new AttachmentProblem(List.of(loc), "Field required", "missing");
    }

    static AttachmentProblem value(String msg, Object... loc) {
        return new AttachmentProblem(List.of(loc), msg, "value_error");
    }
}
