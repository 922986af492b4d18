package dev.chartroom.intake.patientpdf;

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

/** Every failure of the patient PDF contract as the seed's {@code {"detail":"..."}}. */
@RestControllerAdvice(basePackageClasses = PatientPdfErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PatientPdfErrors implements ErrorShape {

    @Override
    public java.util.List<String> paths() {
        return java.util.List.of("/patients/*/pdf", "/patients/*/pdf/");
    }

    @Override
    public ResponseEntity<?> containerError(HttpStatus status, String code, String message) {
        return error(status, message);
    }

    private static final Logger log = LoggerFactory.getLogger(PatientPdfErrors.class);

    /** Every decoding thread stayed busy past the wait bound: 503 with Retry-After. */
    @ExceptionHandler
    ResponseEntity<PatientPdfError> busy(ServerBusyException e) {
        var answer = error(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        return ResponseEntity.status(answer.getStatusCode())
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                .body(answer.getBody());
    }

    @ExceptionHandler
    ResponseEntity<PatientPdfError> refused(PatientPdfException e) {
        return error(e.status(), e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<PatientPdfError> unauthenticated(UnauthenticatedException e) {
        return error(
                HttpStatus.UNAUTHORIZED, "Authentication required. Include a valid API key in the X-API-Key header.");
    }

    @ExceptionHandler
    ResponseEntity<PatientPdfError> forbidden(ForbiddenException e) {
        return error(HttpStatus.FORBIDDEN, "You can only upload PDFs for patients associated with your account.");
    }

    @ExceptionHandler
    ResponseEntity<PatientPdfError> idempotencyKey(IdempotencyKeyException e) {
        return error(e.status(), e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<PatientPdfError> invalid(InvalidRequestException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler({PayloadTooLargeException.class, MaxUploadSizeExceededException.class})
    ResponseEntity<PatientPdfError> tooLarge(Exception e) {
        return error(HttpStatus.CONTENT_TOO_LARGE, "File too large. The PDF file exceeds the maximum allowed size.");
    }

    @ExceptionHandler
    ResponseEntity<PatientPdfError> unreadable(MultipartException e) {
        return error(HttpStatus.BAD_REQUEST, "Send multipart/form-data with the fields file and filename.");
    }

    @ExceptionHandler
    ResponseEntity<PatientPdfError> unexpected(Exception e) {
        var fault = Parts.clientFault(e);
        if (fault.isPresent()) {
            return error(fault.get().status(), fault.get().reason());
        }
        if (e instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
            return ResponseEntity.status(known.getStatusCode())
                    .body(new PatientPdfError("The request cannot be served as sent."));
        }
        log.error("Patient PDF upload failed unexpectedly: {}", Failures.describe(e));
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected server error.");
    }

    private static ResponseEntity<PatientPdfError> error(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(new PatientPdfError(detail));
    }
}
