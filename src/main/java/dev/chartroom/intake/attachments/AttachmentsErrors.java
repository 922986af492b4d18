package dev.chartroom.intake.attachments;

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

/** Every failure of the bulk attachments contract, FastAPI style: {@code {"detail": ...}}. */
@RestControllerAdvice(basePackageClasses = AttachmentsErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AttachmentsErrors implements ErrorShape {

    @Override
    public java.util.List<String> paths() {
        return java.util.List.of("/attachments/bulk");
    }

    @Override
    public ResponseEntity<?> containerError(HttpStatus status, String code, String message) {
        return error(status, message);
    }

    private static final Logger log = LoggerFactory.getLogger(AttachmentsErrors.class);

    /** Every decoding thread stayed busy past the wait bound: 503 with Retry-After. */
    @ExceptionHandler
    ResponseEntity<AttachmentResponses.Error> busy(ServerBusyException e) {
        var answer = error(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        return ResponseEntity.status(answer.getStatusCode())
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                .body(answer.getBody());
    }

    @ExceptionHandler
    ResponseEntity<?> refused(AttachmentsException e) {
        if (!e.problems().isEmpty()) {
            return ResponseEntity.status(e.status()).body(new AttachmentResponses.Invalid(e.problems()));
        }
        return error(e.status(), e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<AttachmentResponses.Error> unauthenticated(UnauthenticatedException e) {
        return error(HttpStatus.UNAUTHORIZED, "Invalid or missing API key.");
    }

    @ExceptionHandler
    ResponseEntity<AttachmentResponses.Error> forbidden(ForbiddenException e) {
        return error(HttpStatus.FORBIDDEN, "This API key does not have access to that tenant.");
    }

    /** A 422 in FastAPI's validation shape, as every other 422 of this contract; 400 and 409 as plain details. */
    @ExceptionHandler
    ResponseEntity<?> idempotencyKey(IdempotencyKeyException e) {
        if (e.status() == HttpStatus.UNPROCESSABLE_CONTENT) {
            return ResponseEntity.status(e.status())
                    .body(new AttachmentResponses.Invalid(java.util.List.of(new AttachmentProblem(
                            java.util.List.of("header", "Idempotency-Key"), e.getMessage(), e.code()))));
        }
        return error(e.status(), e.getMessage());
    }

    /** A request-level value problem (a file name too long), as this contract's validation 422. */
    @ExceptionHandler
    ResponseEntity<AttachmentResponses.Invalid> invalid(InvalidRequestException e) {
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
                .body(new AttachmentResponses.Invalid(
                        java.util.List.of(AttachmentProblem.value(e.getMessage(), "body", "attachments"))));
    }

    @ExceptionHandler({PayloadTooLargeException.class, MaxUploadSizeExceededException.class})
    ResponseEntity<AttachmentResponses.Error> tooLarge(Exception e) {
        return error(HttpStatus.CONTENT_TOO_LARGE, "Request body too large.");
    }

    @ExceptionHandler
    ResponseEntity<AttachmentResponses.Invalid> unreadable(MultipartException e) {
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
                .body(new AttachmentResponses.Invalid(java.util.List.of(
                        AttachmentProblem.value("Send multipart/form-data with patient_id and attachments.", "body"))));
    }

    @ExceptionHandler
    ResponseEntity<?> unexpected(Exception e) {
        var fault = Parts.clientFault(e);
        if (fault.isPresent()) {
            // As every request problem of this contract: FastAPI's validation 422, located in the body.
            var problem = fault.get().field() == null
                    ? AttachmentProblem.value(fault.get().reason(), "body")
                    : new AttachmentProblem(
                            java.util.List.of("body", fault.get().field()),
                            fault.get().reason(),
                            "string_type");
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
                    .body(new AttachmentResponses.Invalid(java.util.List.of(problem)));
        }
        if (e instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
            return ResponseEntity.status(known.getStatusCode())
                    .body(new AttachmentResponses.Error("The request cannot be served as sent."));
        }
        log.error("Bulk attachment upload failed unexpectedly: {}", Failures.describe(e));
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "Internal Server Error");
    }

    private static ResponseEntity<AttachmentResponses.Error> error(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(new AttachmentResponses.Error(detail));
    }
}
