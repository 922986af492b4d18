package dev.chartroom.web;

/** No credential, or one that matches no active API key (401). The message is safe to show to the caller. */
public class UnauthenticatedException extends RuntimeException {

    private final String code;

    public UnauthenticatedException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** A stable, machine-readable code such as {@code group_not_found}. */
    public String code() {
        return code;
    }
}
