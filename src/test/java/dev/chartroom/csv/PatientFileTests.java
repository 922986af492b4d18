package dev.chartroom.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.util.unit.DataSize;

class PatientFileTests {

    static final CsvLimits LIMITS = new CsvLimits(1000, DataSize.ofKilobytes(64));
    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    static PatientFile.Parsed parse(String csv) {
        try (CsvTable table = CsvTable.open(new StringReader(csv), LIMITS)) {
            return PatientFile.parse(table, TODAY);
        }
    }

    @Test
    void aPatientFileIsOnePatientPerRowWithKnownColumnsMapped() {
        var parsed = parse("patient_id,name,birth_date,diagnosis,ward\np-001,Jane Doe,1980-03-12,EPOC,3B\np-002,John Smith,1975-07-22,Asthma,\n");

        assertThat(parsed.eventFile()).isFalse();
        assertThat(parsed.rows()).isEqualTo(2);
        assertThat(parsed.expected()).isEqualTo(2);
        assertThat(parsed.patients()).hasSize(2);
        var jane = parsed.patients().getFirst();
        assertThat(jane.externalId()).isEqualTo("p-001");
        assertThat(jane.lastName()).isEqualTo("Doe");
        assertThat(jane.birthDate()).isEqualTo(LocalDate.of(1980, 3, 12));
        assertThat(jane.diagnosis()).isEqualTo("EPOC");
        assertThat(jane.attributes()).containsEntry("ward", "3B");
        assertThat(parsed.patients().get(1).attributes()).doesNotContainKey("ward");
    }

    @Test
    void anEventFileGroupsRowsByPatientAndKeepsOneEventPerId() {
        var parsed = parse("patient_id,event_id,event_date,event_type,value,unit,device\n"
                + "p-001,e-001,2026-01-10,SpO2,94,%,oximeter\n"
                + "p-001,e-002,2026-01-10,heart_rate,88,bpm,\n"
                + "p-002,e-001,2026-01-11,SpO2,97,%,\n"
                + "p-001,e-001,2026-01-10,SpO2,95,%,\n");

        assertThat(parsed.eventFile()).isTrue();
        assertThat(parsed.rows()).isEqualTo(4);
        assertThat(parsed.patients()).extracting("externalId").containsExactly("p-001", "p-002");
        assertThat(parsed.events()).hasSize(3);
        assertThat(parsed.events().getFirst().value()).isEqualTo("95");
        assertThat(parsed.events().getFirst().attributes()).isEmpty();
    }

    @Test
    void repeatedPatientRowsMergeLaterOverEarlier() {
        var parsed = parse("patient_id,name,diagnosis\np-1,Jane Doe,\np-1,,Asthma\n");

        assertThat(parsed.patients()).hasSize(1);
        assertThat(parsed.patients().getFirst().name()).isEqualTo("Jane Doe");
        assertThat(parsed.patients().getFirst().diagnosis()).isEqualTo("Asthma");
    }

    static Stream<Arguments> rowProblems() {
        return Stream.of(
                Arguments.of("patient_id,birth_date\np-1,31/31/2000\n", 1, 1, "birth_date"),
                Arguments.of("patient_id,phone\np-1,12\n", 1, 1, "phone"),
                Arguments.of("patient_id,name\np-1," + "n".repeat(301) + "\n", 0, 1, "name"),
                Arguments.of("patient_id,name\n" + "p".repeat(201) + ",Jane\n", 0, 1, "patient_id"),
                Arguments.of("patient_id,event_id,value\np-1,,5\n", 1, 1, "event_id"));
    }

    @ParameterizedTest
    @MethodSource("rowProblems")
    void rowProblemsAreReportedNotThrown(String csv, int patients, int errors, String column) {
        var parsed = parse(csv);

        assertThat(parsed.patients()).hasSize(patients);
        assertThat(parsed.errors()).hasSize(errors);
        assertThat(parsed.errors().getFirst().column()).isEqualTo(column);
        assertThat(parsed.errors().getFirst().row()).isEqualTo(2);
    }

    static Stream<String> wholeFileRefusals() {
        return Stream.of(
                "patient_id,name\np-1,Jane\n,John\n",
                "patient_id,event_id\n ,e-1\n",
                "patient_id\n\"\"\n");
    }

    @ParameterizedTest
    @MethodSource("wholeFileRefusals")
    void anEmptyPatientIdRefusesTheWholeFile(String csv) {
        assertThatThrownBy(() -> parse(csv)).isInstanceOf(PatientFile.MissingPatientIdException.class);
    }

    static Stream<String> insaneTables() {
        return Stream.of(
                "",
                "patient_id," + "c,".repeat(1000) + "x\n",
                "patient_id,notes\np-1,\"" + "x".repeat(70_000) + "\"\n");
    }

    @ParameterizedTest
    @MethodSource("insaneTables")
    void tablesBeyondTheLimitsAreRefused(String csv) {
        assertThatThrownBy(() -> parse(csv)).isInstanceOf(InvalidCsvException.class);
    }

    @Test
    void theHeaderMustStartWithPatientId() {
        try (var table = CsvTable.open(new StringReader("\uFEFF Patient_ID ,name\n"), LIMITS)) {
            assertThat(PatientFile.hasPatientIdFirst(table.header())).isTrue();
        }
        try (var table = CsvTable.open(new StringReader("id,patient_id\n"), LIMITS)) {
            assertThat(PatientFile.hasPatientIdFirst(table.header())).isFalse();
        }
    }
}
