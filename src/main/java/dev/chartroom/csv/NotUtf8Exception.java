package dev.chartroom.csv;

/** The file is not UTF-8 text where UTF-8 is required. */
public class NotUtf8Exception extends InvalidCsvException {

    public NotUtf8Exception() {
        super("The file is not valid UTF-8 text.");
    }
}
