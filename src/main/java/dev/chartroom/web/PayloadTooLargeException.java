package dev.chartroom.web;

/** The request body is larger than its endpoint accepts (413); refused before it is read. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(String message) {
        super(message, null, false, false);
    }
}
