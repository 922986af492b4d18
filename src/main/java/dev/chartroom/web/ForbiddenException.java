package dev.chartroom.web;

/** A valid credential used on another organization's data (403). The message is safe to show to the caller. */
public class ForbiddenException extends RuntimeException {

    private final String code;

    public ForbiddenException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** A stable, machine-readable code such as {@code group_not_found}. */
    public String code() {
        return code;
    }
}
