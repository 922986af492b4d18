package dev.chartroom.web;

/** The request collides with something that already exists (409). The message is safe to show to the caller. */
public class ConflictException extends RuntimeException {

    private final String code;

    public ConflictException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** A stable, machine-readable code such as {@code group_not_found}. */
    public String code() {
        return code;
    }
}
