package dev.chartroom.intake.documents;

import dev.chartroom.intake.IntakeLimits;
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

/**
 * Every failure of {@code POST /v1/documents} as {@code {"success":false,"error","message"}}. The path
 * is under {@code /v1} but the contract is the seed's, so the native API's advice (scoped to
 * {@code @NativeApi} controllers, which this one is not) never answers for it.
 */
@RestControllerAdvice(basePackageClasses = DocumentUploadErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DocumentUploadErrors implements ErrorShape {

    @Override
    public java.util.List<String> paths() {
        return java.util.List.of("/v1/documents");
    }

    @Override
    public ResponseEntity<?> containerError(HttpStatus status, String code, String message) {
        return error(status, code, message);
    }

    private static final Logger log = LoggerFactory.getLogger(DocumentUploadErrors.class);

    private final IntakeLimits limits;

    DocumentUploadErrors(IntakeLimits limits) {
        this.limits = limits;
    }

    /** Every slot for ingest work stayed taken past the wait bound: 503 with Retry-After. */
    @ExceptionHandler
    ResponseEntity<DocumentUploadResponses.Error> busy(ServerBusyException e) {
        var answer = error(HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable", e.getMessage());
        return ResponseEntity.status(answer.getStatusCode())
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                .body(answer.getBody());
    }

    @ExceptionHandler
    ResponseEntity<DocumentUploadResponses.Error> refused(DocumentUploadException e) {
        return error(e.status(), e.code(), e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<DocumentUploadResponses.Error> unauthenticated(UnauthenticatedException e) {
        return error(
                HttpStatus.UNAUTHORIZED,
                "unauthorized",
                "Missing or invalid credentials: send client_id, client_secret and access_token headers.");
    }

    @ExceptionHandler
    ResponseEntity<DocumentUploadResponses.Error> forbidden(ForbiddenException e) {
        return error(HttpStatus.FORBIDDEN, "forbidden", "These credentials do not have access to that organization.");
    }

    @ExceptionHandler
    ResponseEntity<DocumentUploadResponses.Error> idempotencyKey(IdempotencyKeyException e) {
        return error(e.status(), e.code(), e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<DocumentUploadResponses.Error> invalid(InvalidRequestException e) {
        return error(HttpStatus.BAD_REQUEST, e.code(), e.getMessage());
    }

    @ExceptionHandler({PayloadTooLargeException.class, MaxUploadSizeExceededException.class})
    ResponseEntity<DocumentUploadResponses.Error> tooLarge(Exception e) {
        return error(
                HttpStatus.CONTENT_TOO_LARGE,
                "payload_too_large",
                "Request body too large. Maximum file size is "
                        + limits.documentMaxFileSize().toMegabytes() + "MB.");
    }

    @ExceptionHandler
    ResponseEntity<DocumentUploadResponses.Error> unreadable(MultipartException e) {
        return error(
                HttpStatus.BAD_REQUEST,
                "invalid_request",
                "Send multipart/form-data with the fields folder_name, patient_mrn and document.");
    }

    @ExceptionHandler
    ResponseEntity<DocumentUploadResponses.Error> unexpected(Exception e) {
        var fault = Parts.clientFault(e);
        if (fault.isPresent()) {
            return error(fault.get().status(), "invalid_request", fault.get().reason());
        }
        if (e instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
            return ResponseEntity.status(known.getStatusCode())
                    .body(new DocumentUploadResponses.Error(
                            false, "invalid_request", "The request cannot be served as sent."));
        }
        log.error("Document upload failed unexpectedly: {}", Failures.describe(e));
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "Unexpected server error.");
    }

    private static ResponseEntity<DocumentUploadResponses.Error> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(new DocumentUploadResponses.Error(false, code, message));
    }
}
