package dev.chartroom.web;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * How one contract writes an error body, for failures that never reach its controller advice:
 * the ones the servlet container answers itself (a body that stopped arriving, a request it
 * cannot read). Each contract's advice implements it; {@link ContainerErrors} picks by path.
 */
public interface ErrorShape {

    /** The contract's paths, as Ant patterns ({@code /patients/*}{@code /pdf}). */
    List<String> paths();

    ResponseEntity<?> containerError(HttpStatus status, String code, String message);
}
