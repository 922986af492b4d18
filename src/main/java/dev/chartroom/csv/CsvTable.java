package dev.chartroom.csv;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A CSV file read row by row (FastCSV): the header at once, then the data rows as they are
 * iterated. Handles a BOM, CRLF and quoted fields with commas and line breaks; skips blank lines.
 * A row breaking the {@link CsvLimits} or the CSV syntax ends the iteration with
 * {@link InvalidCsvException}. Close it when done.
 */
public final class CsvTable implements Iterable<CsvRow>, AutoCloseable {

    private final CsvReader<CsvRecord> reader;
    private final Iterator<CsvRecord> records;
    private final CsvLimits limits;
    private final List<String> header;

    private CsvTable(Reader source, CsvLimits limits) {
        this.limits = limits;
        this.reader = CsvReader.builder()
                .skipEmptyLines(true)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .ofCsvRecord(source);
        this.records = reader.iterator();
        if (!hasNext()) {
            throw new InvalidCsvException("The file has no header row.");
        }
        CsvRecord first = next();
        List<String> names = first.getFields().stream().map(String::strip).toList();
        if (!names.isEmpty() && names.getFirst().startsWith("\uFEFF")) {
            names = new java.util.ArrayList<>(names);
            names.set(0, names.getFirst().substring(1).strip());
        }
        this.header = List.copyOf(names);
    }

    /** Opens a table and reads its header; the reader is closed with the table. */
    public static CsvTable open(Reader source, CsvLimits limits) {
        return new CsvTable(source, limits);
    }

    /** The header's column names, trimmed, BOM removed. */
    public List<String> header() {
        return header;
    }

    @Override
    public Iterator<CsvRow> iterator() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return CsvTable.this.hasNext();
            }

            @Override
            public CsvRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                CsvRecord record = CsvTable.this.next();
                return new CsvRow(record.getStartingLineNumber(), record.getFields());
            }
        };
    }

    private boolean hasNext() {
        try {
            return records.hasNext();
        } catch (CsvParseException e) {
            throw new InvalidCsvException("The file is not valid CSV near line " + lineOf(e) + ".");
        } catch (UncheckedIOException e) {
            throw readFailure(e.getCause());
        }
    }

    private CsvRecord next() {
        CsvRecord record;
        try {
            record = records.next();
        } catch (CsvParseException e) {
            throw new InvalidCsvException("The file is not valid CSV near line " + lineOf(e) + ".");
        } catch (UncheckedIOException e) {
            throw readFailure(e.getCause());
        }
        if (record.getFieldCount() > limits.maxColumns()) {
            throw new InvalidCsvException("Line " + record.getStartingLineNumber() + " has " + record.getFieldCount()
                    + " columns; at most " + limits.maxColumns() + " are accepted.");
        }
        long maxField = limits.maxFieldSize().toBytes();
        for (String field : record.getFields()) {
            if (field.indexOf('\u0000') >= 0) {
                throw new InvalidCsvException(
                        "Line " + record.getStartingLineNumber() + " has a NUL byte: this is not a text file.");
            }
            if (field.length() > maxField) {
                throw new InvalidCsvException("Line " + record.getStartingLineNumber() + " has a field longer than "
                        + maxField + " characters.");
            }
        }
        return record;
    }

    private static RuntimeException readFailure(IOException cause) {
        if (cause instanceof java.nio.charset.CharacterCodingException) {
            return new NotUtf8Exception();
        }
        return new UncheckedIOException(cause);
    }

    private static String lineOf(CsvParseException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        var match = java.util.regex.Pattern.compile("line (\\d+)").matcher(message);
        return match.find() ? match.group(1) : "?";
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
