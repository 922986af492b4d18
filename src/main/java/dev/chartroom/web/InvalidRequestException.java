package dev.chartroom.web;

/** The request is malformed or breaks a documented rule (400). The message is safe to show to the caller. */
public class InvalidRequestException extends RuntimeException {

    private final String code;

    public InvalidRequestException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** A stable, machine-readable code such as {@code group_not_found}. */
    public String code() {
        return code;
    }
}
