package dev.chartroom.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.chartroom.document.TextDecoding;
import dev.chartroom.patient.EventFacts;
import dev.chartroom.patient.PatientFacts;
import dev.chartroom.support.FuzzBounds;
import dev.chartroom.upload.RowError;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import org.springframework.util.unit.DataSize;

/**
 * Fuzz targets of the CSV readers, as the intakes call them. Each input either reads, with every
 * line number inside the file, or is refused with the documented exception
 * ({@link InvalidCsvException} and its kinds, {@link PatientFile.MissingPatientIdException}); any
 * other throwable, or a slow read, is a finding. The seeds (in {@code CsvFuzzTestsInputs/}) run as
 * plain tests; {@code JAZZER_FUZZ=1} fuzzes (README, Testing).
 */
class CsvFuzzTests {

    /** Small limits, so that inputs the fuzzer can reach cross them. */
    static final CsvLimits LIMITS = new CsvLimits(64, DataSize.ofBytes(4096));

    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    static final Duration BOUND = Duration.ofSeconds(5);

    /** The patient upload's CSV path: bytes decoded as the intake does, then parsed by the header alone. */
    @FuzzTest(maxDuration = "2m")
    void patientFile(byte[] content) throws Exception {
        String text = TextDecoding.decode(content);
        FuzzBounds.within(BOUND, "a patient file", () -> parsePatients(text, ColumnMapping.NONE));
    }

    /**
     * The columns field with a file: the first line is the field's JSON, the rest the CSV it maps.
     * Covers {@link ColumnMapping#parse} and every layout a mapping can ask for.
     */
    @FuzzTest(maxDuration = "2m")
    void columnMapping(byte[] content) throws Exception {
        String text = TextDecoding.decode(content);
        int newline = text.indexOf('\n');
        String field = newline < 0 ? text : text.substring(0, newline);
        String csv = newline < 0 ? "" : text.substring(newline + 1);
        FuzzBounds.within(BOUND, "a mapped patient file", () -> {
            ColumnMapping mapping;
            try {
                mapping = ColumnMapping.parse(field);
            } catch (InvalidCsvException refused) {
                assertThat(refused.getMessage()).isNotBlank();
                return null;
            }
            assertThat(mapping.columns().keySet())
                    .allMatch(f -> f.equals(ColumnMapping.PATIENT_ID)
                            || ColumnMapping.PATIENT_FIELDS.contains(f)
                            || ColumnMapping.EVENT_FIELDS.contains(f));
            assertThat(mapping.columns().values()).allMatch(column -> !column.isBlank());
            assertThat(mapping.namesEventFields() && mapping.namesPatientFields())
                    .isFalse();
            return parsePatients(csv, mapping);
        });
    }

    /**
     * The typed CSV path: the first line names the type (any other first line picks one), the rest
     * is the file, decoded strictly as UTF-8 as the intake does.
     */
    @FuzzTest(maxDuration = "2m")
    void typedCsv(byte[] content) throws Exception {
        int newline = indexOf(content, (byte) '\n');
        String first =
                new String(content, 0, newline < 0 ? content.length : newline, StandardCharsets.ISO_8859_1).strip();
        TypedCsv.Type type = TypedCsv.Type.of(first)
                .orElse(TypedCsv.Type.values()[Math.floorMod(first.hashCode(), TypedCsv.Type.values().length)]);
        int from = newline < 0 ? content.length : newline + 1;
        long lines = lineBound(new String(content, from, content.length - from, StandardCharsets.ISO_8859_1));
        int maxRows = 50;
        FuzzBounds.within(BOUND, "a typed CSV", () -> {
            var decoder = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            TypedCsv.Table table;
            try (var reader =
                    new InputStreamReader(new ByteArrayInputStream(content, from, content.length - from), decoder)) {
                table = TypedCsv.read(reader, type, LIMITS, maxRows);
            } catch (InvalidCsvException refused) {
                assertThat(refused.getMessage()).isNotBlank();
                return null;
            }
            assertThat(table.type()).isEqualTo(type);
            assertThat(table.rows()).hasSizeLessThanOrEqualTo(maxRows);
            int width = table.columns().size();
            assertThat(table.columns().values()).allMatch(index -> index >= 0 && index < LIMITS.maxColumns());
            assertThat(width).isGreaterThanOrEqualTo(1);
            for (var row : table.rows()) {
                assertThat(row.line()).isBetween(2L, lines);
                assertThat(row.fields()).hasSizeLessThanOrEqualTo(LIMITS.maxColumns());
                table.optionalValues(row);
                for (String column : table.columns().keySet()) {
                    table.value(row, column);
                }
            }
            return table;
        });
    }

    private static PatientFile.Parsed parsePatients(String text, ColumnMapping mapping) {
        long lines = lineBound(text);
        PatientFile.Parsed parsed;
        try (CsvTable table = CsvTable.open(new StringReader(text), LIMITS)) {
            assertThat(table.header()).hasSizeLessThanOrEqualTo(LIMITS.maxColumns());
            parsed = PatientFile.parse(table, TODAY, mapping);
        } catch (InvalidCsvException | PatientFile.MissingPatientIdException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            if (refused instanceof PatientFile.MissingPatientIdException missing) {
                assertThat(missing.line()).isBetween(2L, lines);
            }
            return null;
        }
        assertThat(parsed.patients().size()).isLessThanOrEqualTo(parsed.expected());
        assertThat(parsed.expected()).isLessThanOrEqualTo(parsed.rows());
        assertThat((long) parsed.rows()).isLessThan(lines);
        var ids = new HashSet<String>();
        for (PatientFacts patient : parsed.patients()) {
            assertThat(patient.externalId()).isNotBlank().hasSizeLessThanOrEqualTo(PatientFile.MAX_EXTERNAL_ID);
            assertThat(ids.add(patient.externalId())).as("one patient per id").isTrue();
            // What is stored fits the patient table's columns (a longer value would fail the insert).
            fits(patient.name(), 300);
            fits(patient.firstName(), 150);
            fits(patient.lastName(), 150);
            fits(patient.sex(), 20);
            fits(patient.phone(), 40);
            fits(patient.email(), 320);
            fits(patient.diagnosis(), 2000);
            fits(patient.zip(), 20);
        }
        if (!parsed.eventFile()) {
            assertThat(parsed.events()).isEmpty();
        }
        for (EventFacts event : parsed.events()) {
            assertThat(ids).contains(event.externalId());
            assertThat(event.eventId()).isNotBlank();
            fits(event.eventId(), 200);
            fits(event.date(), 40);
            fits(event.type(), 200);
            fits(event.value(), 2000);
            fits(event.unit(), 100);
        }
        for (RowError error : parsed.errors()) {
            if (error.row() != null) {
                assertThat(error.row()).isBetween(2L, lines);
            }
            assertThat(error.reason()).isNotBlank();
        }
        return parsed;
    }

    private static void fits(String value, int column) {
        if (value != null) {
            assertThat(value.length()).isLessThanOrEqualTo(column);
        }
    }

    /** The last line number a row can start on: every CR or LF may end a line. */
    static long lineBound(String text) {
        return 1 + text.chars().filter(c -> c == '\n' || c == '\r').count();
    }

    private static int indexOf(byte[] content, byte wanted) {
        for (int i = 0; i < content.length; i++) {
            if (content[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
