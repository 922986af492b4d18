package dev.chartroom.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers what the servlet container refuses before any controller runs (a stalled body is 408,
 * an unreadable request 400, an unknown path 404) in the shape of the contract whose path was
 * called, else in the native API's shape, instead of Spring Boot's generic error page.
 */
@RestController
@io.swagger.v3.oas.annotations.Hidden
class ContainerErrors implements ErrorController {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final List<ErrorShape> shapes;

    ContainerErrors(List<ErrorShape> shapes) {
        this.shapes = shapes;
    }

    @RequestMapping("/error")
    ResponseEntity<?> error(HttpServletRequest request) {
        HttpStatus status = status(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
        String path = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        String[] codeAndMessage = describe(status);
        return shapes.stream()
                .filter(shape -> shape.paths().stream().anyMatch(pattern -> PATHS.match(pattern, path)))
                .findFirst()
                .<ResponseEntity<?>>map(shape -> shape.containerError(status, codeAndMessage[0], codeAndMessage[1]))
                .orElseGet(
                        () -> ResponseEntity.status(status).body(new ApiError(codeAndMessage[0], codeAndMessage[1])));
    }

    private static HttpStatus status(Object code) {
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static String[] describe(HttpStatus status) {
        return switch (status) {
            case REQUEST_TIMEOUT ->
                new String[] {
                    "request_timeout",
                    "The request body stopped arriving before it was complete; send the request again."
                };
            case CONTENT_TOO_LARGE ->
                new String[] {"payload_too_large", "The request body exceeds the server's limit."};
            case NOT_FOUND -> new String[] {"not_found", "No such endpoint."};
            case METHOD_NOT_ALLOWED -> new String[] {"method_not_allowed", "This endpoint does not take that method."};
            case BAD_REQUEST -> new String[] {"invalid_request", "The request cannot be read."};
            default ->
                status.is4xxClientError()
                        ? new String[] {"invalid_request", "The request cannot be served as sent."}
                        : new String[] {"internal_error", "Unexpected server error."};
        };
    }
}
