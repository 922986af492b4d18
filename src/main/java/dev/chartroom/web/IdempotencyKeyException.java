package dev.chartroom.web;

import org.springframework.http.HttpStatus;

/**
 * An {@code Idempotency-Key} that cannot be honoured: malformed (400), held by a request still
 * running (409), or used before for a different request (422). Each contract answers it in its
 * own error shape. The message is safe to show to the caller.
 */
public class IdempotencyKeyException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public IdempotencyKeyException(HttpStatus status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public static IdempotencyKeyException malformed() {
        return new IdempotencyKeyException(
                HttpStatus.BAD_REQUEST, "invalid_idempotency_key", "Idempotency-Key must be 1 to 255 characters.");
    }

    public static IdempotencyKeyException inProgress() {
        return new IdempotencyKeyException(
                HttpStatus.CONFLICT, "idempotency_conflict", "A request with this Idempotency-Key is in progress.");
    }

    public static IdempotencyKeyException reused() {
        return new IdempotencyKeyException(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "idempotency_key_reused",
                "This Idempotency-Key was used for a different request (another path, field or file).");
    }

    public HttpStatus status() {
        return status;
    }

    /** {@code invalid_idempotency_key}, {@code idempotency_conflict} or {@code idempotency_key_reused}. */
    public String code() {
        return code;
    }
}
