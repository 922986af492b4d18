package dev.chartroom.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/** Maps every way a native API request can fail to an {@link ApiError} body. */
@RestControllerAdvice(annotations = NativeApi.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class NativeApiErrors {

    private static final Logger log = LoggerFactory.getLogger(NativeApiErrors.class);

    /** The server is busy with other work of this kind: 503 with Retry-After. */
    @ExceptionHandler
    ResponseEntity<ApiError> busy(ServerBusyException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                .body(new ApiError("busy", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ApiError> unauthenticated(UnauthenticatedException e) {
        return error(HttpStatus.UNAUTHORIZED, e.code(), e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ApiError> forbidden(ForbiddenException e) {
        return error(HttpStatus.FORBIDDEN, e.code(), e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ApiError> notFound(NotFoundException e) {
        return error(HttpStatus.NOT_FOUND, e.code(), e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ApiError> invalid(InvalidRequestException e) {
        return error(HttpStatus.BAD_REQUEST, e.code(), e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ApiError> idempotencyKey(IdempotencyKeyException e) {
        return error(e.status(), e.code(), e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ApiError> conflict(ConflictException e) {
        return error(HttpStatus.CONFLICT, e.code(), e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ApiError> invalidBody(MethodArgumentNotValidException e) {
        var field = e.getBindingResult().getFieldError();
        String message =
                field == null ? "The request body is invalid." : field.getField() + ": " + field.getDefaultMessage();
        return error(HttpStatus.BAD_REQUEST, "invalid_request", message);
    }

    @ExceptionHandler
    ResponseEntity<ApiError> unreadableBody(HttpMessageNotReadableException e) {
        if (RequestLimits.cutOff(e)) {
            return error(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "payload_too_large",
                    "The request body exceeds the server's limit for JSON.");
        }
        if (e.getCause() instanceof JsonStrings.NotPlainText notText) {
            return error(HttpStatus.BAD_REQUEST, "invalid_request", notText.getOriginalMessage());
        }
        return error(
                HttpStatus.BAD_REQUEST, "invalid_request", "The request body is not valid JSON of the expected shape.");
    }

    @ExceptionHandler
    ResponseEntity<ApiError> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        return error(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "Send the request body as application/json.");
    }

    @ExceptionHandler
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
        return error(
                HttpStatus.BAD_REQUEST, "invalid_request", "The parameter '" + e.getParameterName() + "' is required.");
    }

    @ExceptionHandler
    ResponseEntity<ApiError> badParameter(MethodArgumentTypeMismatchException e) {
        return error(
                HttpStatus.BAD_REQUEST, "invalid_request", "The parameter '" + e.getName() + "' has an invalid value.");
    }

    @ExceptionHandler
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
        return error(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", "The request body exceeds the server's limit.");
    }

    @ExceptionHandler
    ResponseEntity<ApiError> tooLarge(PayloadTooLargeException e) {
        return error(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ApiError> badMultipart(MultipartException e) {
        return error(HttpStatus.BAD_REQUEST, "invalid_request", "The multipart request could not be read.");
    }

    @ExceptionHandler
    ResponseEntity<ApiError> unexpected(Exception e) {
        if (e instanceof ErrorResponse known && !known.getStatusCode().is5xxServerError()) {
            // Spring's own 4xx (wrong method, unreadable parameter, …): keep its status.
            return ResponseEntity.status(known.getStatusCode())
                    .body(new ApiError("invalid_request", "The request cannot be served as sent."));
        }
        log.error("Unexpected failure in the native API: {}", Failures.describe(e));
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "Unexpected server error.");
    }

    private static ResponseEntity<ApiError> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(new ApiError(code, message));
    }
}
