package dev.chartroom.caseflow;

/** One consult-notes row as received (values trimmed, null when blank). */
public record ConsultNoteRow(
        long line, String appointmentId, String text, String categoryReport, String categoryTemplate) {

    /** The seed's category: CategoryNameReport, else CategoryNameTemplate, else "Unknown". */
    public String category() {
        return categoryReport != null ? categoryReport : categoryTemplate != null ? categoryTemplate : "Unknown";
    }
}
