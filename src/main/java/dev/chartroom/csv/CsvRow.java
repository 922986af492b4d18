package dev.chartroom.csv;

import java.util.List;

/** One data row and the line of the file it starts on (the header is line 1). */
public record CsvRow(long line, List<String> fields) {

    /** The field at a column index, trimmed; null when absent or blank. */
    public String value(int column) {
        if (column < 0 || column >= fields.size()) {
            return null;
        }
        String value = fields.get(column).strip();
        return value.isEmpty() ? null : value;
    }
}
