package dev.chartroom.web;

/** The named thing does not exist for the calling organization (404). The message is safe to show to the caller. */
public class NotFoundException extends RuntimeException {

    private final String code;

    public NotFoundException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** A stable, machine-readable code such as {@code group_not_found}. */
    public String code() {
        return code;
    }
}
