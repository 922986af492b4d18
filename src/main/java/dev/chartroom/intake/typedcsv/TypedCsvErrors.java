package dev.chartroom.intake.typedcsv;

import dev.chartroom.intake.Parts;
import dev.chartroom.web.ErrorShape;
import dev.chartroom.web.Failures;
import dev.chartroom.web.ForbiddenException;
import dev.chartroom.web.IdempotencyKeyException;
import dev.chartroom.web.InvalidRequestException;
import dev.chartroom.web.PayloadTooLargeException;
import dev.chartroom.web.ServerBusyException;
import dev.chartroom.web.UnauthenticatedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/** Every failure of the typed CSV contract as {@code {"success":false,"error","message"}}. */
@RestControllerAdvice(basePackageClasses = TypedCsvErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class TypedCsvErrors implements ErrorShape {

    @Override
    public java.util.List<String> paths() {
        return java.util.List.of("/api/v1/csv");
    }

    @Override
    public ResponseEntity<?> containerError(HttpStatus status, String code, String message) {
        return error(status, code, message);
    }

    private static final Logger log = LoggerFactory.getLogger(TypedCsvErrors.class);

    /** Every slot for ingest work stayed taken past the wait bound: 503 with Retry-After. */
    @ExceptionHandler
    ResponseEntity<TypedCsvResponses.Error> busy(ServerBusyException e) {
        var answer = error(HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable", e.getMessage());
        return ResponseEntity.status(answer.getStatusCode())
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                .body(answer.getBody());
    }

    @ExceptionHandler
    ResponseEntity<TypedCsvResponses.Error> refused(TypedCsvException e) {
        return error(e.status(), e.code(), e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<TypedCsvResponses.Error> unauthenticated(UnauthenticatedException e) {
        return error(HttpStatus.UNAUTHORIZED, "unauthorized", "Missing or invalid API key.");
    }

    @ExceptionHandler
    ResponseEntity<TypedCsvResponses.Error> forbidden(ForbiddenException e) {
        return error(HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<TypedCsvResponses.Error> idempotencyKey(IdempotencyKeyException e) {
        return error(e.status(), e.code(), e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<TypedCsvResponses.Error> invalid(InvalidRequestException e) {
        return error(HttpStatus.BAD_REQUEST, e.code(), e.getMessage());
    }

    @ExceptionHandler({PayloadTooLargeException.class, MaxUploadSizeExceededException.class})
    ResponseEntity<TypedCsvResponses.Error> tooLarge(Exception e) {
        return error(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", "File exceeds 10MB.");
    }

    @ExceptionHandler
    ResponseEntity<TypedCsvResponses.Error> unreadable(MultipartException e) {
        return error(
                HttpStatus.BAD_REQUEST, "invalid_request", "Send multipart/form-data with the fields type and file.");
    }

    @ExceptionHandler
    ResponseEntity<TypedCsvResponses.Error> unexpected(Exception e) {
        var fault = Parts.clientFault(e);
        if (fault.isPresent()) {
            return error(fault.get().status(), "invalid_request", fault.get().reason());
        }
        if (e instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
            return ResponseEntity.status(known.getStatusCode())
                    .body(new TypedCsvResponses.Error(
                            false, "invalid_request", "The request cannot be served as sent."));
        }
        log.error("Typed CSV upload failed unexpectedly: {}", Failures.describe(e));
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "Unexpected server error.");
    }

    private static ResponseEntity<TypedCsvResponses.Error> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(new TypedCsvResponses.Error(false, code, message));
    }
}
