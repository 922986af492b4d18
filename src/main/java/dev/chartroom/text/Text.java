package dev.chartroom.text;

/** String helpers for values on their way into fixed-size columns and out of request parameters. */
public final class Text {

    private Text() {}

    /** The value, or its first {@code max} characters; null stays null. */
    public static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    /** The value stripped, or null when it is null or blank. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
