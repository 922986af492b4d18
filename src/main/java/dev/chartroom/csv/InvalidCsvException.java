package dev.chartroom.csv;

/** The file is not a table Chartroom will read; nothing from it may be written. The message says why. */
public class InvalidCsvException extends RuntimeException {

    public InvalidCsvException(String message) {
        super(message, null, false, false);
    }
}
