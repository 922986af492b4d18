package dev.chartroom.intake.patientupload;

import dev.chartroom.intake.Parts;
import dev.chartroom.web.ErrorShape;
import dev.chartroom.web.Failures;
import dev.chartroom.web.ForbiddenException;
import dev.chartroom.web.IdempotencyKeyException;
import dev.chartroom.web.InvalidRequestException;
import dev.chartroom.web.NotFoundException;
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

/** Every failure of the patient upload contract, in its seed's error shape and codes. */
@RestControllerAdvice(basePackageClasses = PatientUploadErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PatientUploadErrors implements ErrorShape {

    @Override
    public java.util.List<String> paths() {
        return java.util.List.of("/api/pandora/upload-v2/upload");
    }

    @Override
    public ResponseEntity<?> containerError(HttpStatus status, String code, String message) {
        return error(status, code, message);
    }

    private static final Logger log = LoggerFactory.getLogger(PatientUploadErrors.class);

    /** Every decoding thread stayed busy past the wait bound: 503 with Retry-After. */
    @ExceptionHandler
    ResponseEntity<PatientUploadError> busy(ServerBusyException e) {
        var answer = error(HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable", e.getMessage());
        return ResponseEntity.status(answer.getStatusCode())
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                .body(answer.getBody());
    }

    @ExceptionHandler
    ResponseEntity<PatientUploadError> refused(PatientUploadException e) {
        return error(e.status(), e.code(), e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<PatientUploadError> unauthenticated(UnauthenticatedException e) {
        return error(HttpStatus.UNAUTHORIZED, "unauthorized", "Missing or invalid API key.");
    }

    @ExceptionHandler
    ResponseEntity<PatientUploadError> forbidden(ForbiddenException e) {
        return error(HttpStatus.FORBIDDEN, "forbidden", "API key does not have access to this team.");
    }

    @ExceptionHandler
    ResponseEntity<PatientUploadError> notFound(NotFoundException e) {
        return error(HttpStatus.NOT_FOUND, e.code(), e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<PatientUploadError> invalid(InvalidRequestException e) {
        return error(HttpStatus.BAD_REQUEST, e.code(), e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<PatientUploadError> idempotencyKey(IdempotencyKeyException e) {
        return error(e.status(), e.code(), e.getMessage());
    }

    @ExceptionHandler({MaxUploadSizeExceededException.class, PayloadTooLargeException.class})
    ResponseEntity<PatientUploadError> tooLarge(Exception e) {
        return error(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", "Request body exceeds server limit.");
    }

    @ExceptionHandler
    ResponseEntity<PatientUploadError> unreadable(MultipartException e) {
        return error(
                HttpStatus.BAD_REQUEST,
                "invalid_request",
                "Send the request as multipart/form-data with the fields file, teamId and groupId.");
    }

    @ExceptionHandler
    ResponseEntity<PatientUploadError> unexpected(Exception e) {
        var fault = Parts.clientFault(e);
        if (fault.isPresent()) {
            return error(fault.get().status(), "invalid_request", fault.get().reason());
        }
        if (e instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
            return ResponseEntity.status(known.getStatusCode())
                    .body(PatientUploadError.of("invalid_request", "The request cannot be served as sent."));
        }
        log.error("Patient upload failed unexpectedly: {}", Failures.describe(e));
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "Unexpected server error — contact support.");
    }

    private static ResponseEntity<PatientUploadError> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(PatientUploadError.of(code, message));
    }
}
