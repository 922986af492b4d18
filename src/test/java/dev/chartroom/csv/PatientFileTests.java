package dev.chartroom.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chartroom.patient.EventFacts;
import dev.chartroom.patient.PatientFacts;
import dev.chartroom.support.TestFiles;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
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

    static PatientFile.Parsed parse(String csv, String columns) {
        try (CsvTable table = CsvTable.open(new StringReader(csv), LIMITS)) {
            return PatientFile.parse(table, TODAY, ColumnMapping.parse(columns));
        }
    }

    /** The header and the first rows of a file of the shared data set, unedited. */
    static String head(String file, int rows) {
        return new String(TestFiles.shared(file), StandardCharsets.UTF_8)
                .lines()
                .limit(rows + 1L)
                .collect(Collectors.joining("\n", "", "\n"));
    }

    @Test
    void aPatientFileIsOnePatientPerRowWithKnownColumnsMapped() {
        var parsed = parse(
                "patient_id,name,birth_date,diagnosis,ward\np-001,Jane Doe,1980-03-12,EPOC,3B\np-002,John Smith,1975-07-22,Asthma,\n");

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
        return Stream.of("patient_id,name\np-1,Jane\n,John\n", "patient_id,event_id\n ,e-1\n", "patient_id\n\"\"\n");
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

    // What a header is: the contract's shape, a recognised export, or the columns field's mapping.

    static PatientFacts patient(PatientFile.Parsed parsed, String externalId) {
        return parsed.patients().stream()
                .filter(p -> p.externalId().equals(externalId))
                .findFirst()
                .orElseThrow();
    }

    static Stream<Arguments> recognisedFiles() {
        return Stream.of(
                Arguments.of(
                        "the seed's patient file",
                        "patient_id,name,birth_date,diagnosis\np-001,Jane Doe,1980-03-12,EPOC\n",
                        null,
                        false,
                        1,
                        0,
                        (Consumer<PatientFile.Parsed>) p -> {
                            assertThat(p.patients().getFirst().name()).isEqualTo("Jane Doe");
                            assertThat(p.patients().getFirst().birthDate()).isEqualTo(LocalDate.of(1980, 3, 12));
                        }),
                Arguments.of(
                        "the seed's event file, any case",
                        "PATIENT_ID,Event_ID,event_date,event_type,value,unit\np-001,e-001,2026-01-10,SpO2,94,%\n",
                        null,
                        true,
                        1,
                        1,
                        (Consumer<PatientFile.Parsed>) p -> assertThat(
                                        p.events().getFirst())
                                .extracting(EventFacts::eventId, EventFacts::type, EventFacts::value, EventFacts::unit)
                                .containsExactly("e-001", "SpO2", "94", "%")),
                Arguments.of(
                        "patient_id first wins over export columns",
                        "patient_id,Id,BIRTHDATE,FIRST,LAST,GENDER\np-1,x-1,1990-01-02,Ann,Lee,F\n",
                        null,
                        false,
                        1,
                        0,
                        (Consumer<PatientFile.Parsed>) p -> {
                            assertThat(p.patients().getFirst().externalId()).isEqualTo("p-1");
                            assertThat(p.patients().getFirst().attributes()).containsEntry("Id", "x-1");
                            assertThat(p.patients().getFirst().name()).isEqualTo("Ann Lee");
                        }),
                Arguments.of(
                        "Synthea patients.csv", head("synthea-dbt-ohdsi/patients.csv", 3), null, false, 3, 0, (Consumer<
                                        PatientFile.Parsed>)
                                p -> {
                                    var maynard = patient(p, "3edac2e3-d223-6fae-d515-daf96ef6bc76");
                                    assertThat(maynard.firstName()).isEqualTo("Maynard46");
                                    assertThat(maynard.lastName()).isEqualTo("Mosciski958");
                                    assertThat(maynard.name()).isEqualTo("Maynard46 Mosciski958");
                                    assertThat(maynard.birthDate()).isEqualTo(LocalDate.of(2014, 10, 6));
                                    assertThat(maynard.sex()).isEqualTo("male");
                                    assertThat(maynard.zip()).isEqualTo("02155");
                                    assertThat(maynard.attributes())
                                            .containsEntry("SSN", "999-17-5017")
                                            .containsEntry("CITY", "Somerville")
                                            .doesNotContainKeys("Id", "FIRST", "LAST", "BIRTHDATE", "GENDER");
                                    assertThat(p.errors()).isEmpty();
                                }),
                Arguments.of(
                        "Synthea observations.csv",
                        head("synthea-dbt-ohdsi/observations.csv", 4),
                        null,
                        true,
                        1,
                        4,
                        (Consumer<PatientFile.Parsed>) p -> {
                            var height = p.events().getFirst();
                            assertThat(height.externalId()).isEqualTo("3edac2e3-d223-6fae-d515-daf96ef6bc76");
                            assertThat(height.eventId()).startsWith("row-");
                            assertThat(height)
                                    .extracting(EventFacts::date, EventFacts::type, EventFacts::value, EventFacts::unit)
                                    .containsExactly("2023-10-10T04:17:47Z", "Body Height", "127.9", "cm");
                            assertThat(height.attributes())
                                    .containsEntry("CODE", "8302-2")
                                    .containsEntry("CATEGORY", "vital-signs")
                                    .doesNotContainKeys("PATIENT", "DATE", "DESCRIPTION", "VALUE", "UNITS");
                        }),
                Arguments.of(
                        "Synthea observations, header in lower case",
                        "date,patient,code,description,value,units\n"
                                + "2023-10-10T04:17:47Z,s-1,8302-2,Body Height,127.9,cm\n",
                        null,
                        true,
                        1,
                        1,
                        (Consumer<PatientFile.Parsed>)
                                p -> assertThat(p.events().getFirst().type()).isEqualTo("Body Height")),
                Arguments.of(
                        "MIMIC-III PATIENTS.csv",
                        head("mimic3-demo-odbl/PATIENTS.csv", 100),
                        null,
                        false,
                        100,
                        0,
                        (Consumer<PatientFile.Parsed>) p -> {
                            var first = patient(p, "10006");
                            assertThat(first.birthDate()).isEqualTo(LocalDate.of(2094, 3, 5));
                            assertThat(first.sex()).isEqualTo("female");
                            assertThat(first.attributes())
                                    .containsEntry("DOD", "2165-08-12 00:00:00")
                                    .doesNotContainKeys("SUBJECT_ID", "DOB");
                            assertThat(patient(p, "40655").birthDate()).isEqualTo(LocalDate.of(1844, 7, 18));
                            assertThat(p.patients()).allMatch(patient -> patient.birthDate() != null);
                            assertThat(p.errors()).isEmpty();
                        }),
                Arguments.of(
                        "MIMIC-III LABEVENTS.csv",
                        head("mimic3-demo-odbl/LABEVENTS.csv", 90),
                        null,
                        true,
                        3,
                        90,
                        (Consumer<PatientFile.Parsed>) p -> {
                            var potassium = p.events().getFirst();
                            assertThat(potassium)
                                    .extracting(
                                            EventFacts::externalId,
                                            EventFacts::eventId,
                                            EventFacts::date,
                                            EventFacts::type,
                                            EventFacts::value,
                                            EventFacts::unit)
                                    .containsExactly(
                                            "10124", "6295571", "2192-04-04 05:35:00", "50971", "3.8", "mEq/L");
                            assertThat(potassium.attributes())
                                    .containsEntry("HADM_ID", "182664")
                                    .doesNotContainKeys("VALUENUM", "ITEMID");
                            assertThat(p.events()).anyMatch(e -> "ART".equals(e.value()));
                        }),
                Arguments.of(
                        "MIMIC events with LABEL, and VALUENUM where VALUE is empty",
                        "ROW_ID,SUBJECT_ID,ITEMID,LABEL,CHARTTIME,VALUE,VALUENUM,VALUEUOM\n7,10006,50971,Potassium,2164-11-16 03:05:00,,3.9,mEq/L\n",
                        null,
                        true,
                        1,
                        1,
                        (Consumer<PatientFile.Parsed>) p -> {
                            assertThat(p.events().getFirst())
                                    .extracting(EventFacts::type, EventFacts::value)
                                    .containsExactly("Potassium", "3.9");
                            assertThat(p.events().getFirst().attributes()).containsEntry("ITEMID", "50971");
                        }),
                Arguments.of(
                        "MIMIC-IV labevents (labevent_id, lower case)",
                        "labevent_id,subject_id,hadm_id,specimen_id,itemid,charttime,value,valuenum,valueuom\n"
                                + "1,10000032,,2704548,50931,2180-03-23 11:51:00,___,95,mg/dL\n",
                        null,
                        true,
                        1,
                        1,
                        (Consumer<PatientFile.Parsed>)
                                p -> assertThat(p.events().getFirst())
                                        .extracting(EventFacts::eventId, EventFacts::value)
                                        .containsExactly("1", "___")),
                Arguments.of(
                        "columns maps a patient file",
                        "MRN,Full Name,DateOfBirth,Ward\nm-1,Jane Doe,1980-03-12,3B\n",
                        "{\"patient_id\":\"MRN\",\"birth_date\":\"DateOfBirth\"}",
                        false,
                        1,
                        0,
                        (Consumer<PatientFile.Parsed>) p -> {
                            var jane = patient(p, "m-1");
                            assertThat(jane.name()).isEqualTo("Jane Doe");
                            assertThat(jane.birthDate()).isEqualTo(LocalDate.of(1980, 3, 12));
                            assertThat(jane.attributes()).containsOnlyKeys("Ward");
                        }),
                Arguments.of(
                        "columns maps an event file without event ids, column names in any case",
                        "Subject,When,Test,Result,Units\ns-1,2026-01-10,SpO2,94,%\ns-1,2026-01-11,SpO2,95,%\n",
                        "{\"patient_id\":\"subject\",\"event_date\":\"When\",\"event_type\":\"Test\",\"value\":\"Result\"}",
                        true,
                        1,
                        2,
                        (Consumer<PatientFile.Parsed>) p -> {
                            assertThat(p.events()).extracting(EventFacts::unit).containsOnly("%");
                            assertThat(p.events())
                                    .extracting(EventFacts::eventId)
                                    .doesNotHaveDuplicates()
                                    .allMatch(id -> id.startsWith("row-"));
                        }),
                Arguments.of(
                        "columns maps an event id",
                        "Subject,Obs,Value\ns-1,o-9,94\n",
                        "{\"patient_id\":\"Subject\",\"event_id\":\"Obs\"}",
                        true,
                        1,
                        1,
                        (Consumer<PatientFile.Parsed>)
                                p -> assertThat(p.events().getFirst())
                                        .extracting(EventFacts::eventId, EventFacts::value)
                                        .containsExactly("o-9", "94")),
                Arguments.of(
                        "columns renames a field of a recognised export",
                        head("synthea-dbt-ohdsi/observations.csv", 1),
                        "{\"event_type\":\"CODE\"}",
                        true,
                        1,
                        1,
                        (Consumer<PatientFile.Parsed>) p -> {
                            assertThat(p.events().getFirst().type()).isEqualTo("8302-2");
                            assertThat(p.events().getFirst().attributes()).containsEntry("DESCRIPTION", "Body Height");
                        }),
                Arguments.of(
                        "columns names another patient id in the seed's shape",
                        "patient_id,MRN,name\np-1,m-1,Jane Doe\n",
                        "{\"patient_id\":\"MRN\"}",
                        false,
                        1,
                        0,
                        (Consumer<PatientFile.Parsed>) p -> {
                            assertThat(p.patients().getFirst().externalId()).isEqualTo("m-1");
                            assertThat(p.patients().getFirst().attributes()).containsEntry("patient_id", "p-1");
                        }),
                Arguments.of(
                        "a blank columns field is no mapping",
                        "patient_id,name\np-1,Jane\n",
                        "  ",
                        false,
                        1,
                        0,
                        (Consumer<PatientFile.Parsed>)
                                p -> assertThat(p.patients().getFirst().name()).isEqualTo("Jane")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recognisedFiles")
    void recognisedFilesLoadAsTheyAre(
            String what,
            String csv,
            String columns,
            boolean eventFile,
            int patients,
            int events,
            Consumer<PatientFile.Parsed> check) {
        var parsed = parse(csv, columns);

        assertThat(parsed.eventFile()).isEqualTo(eventFile);
        assertThat(parsed.patients()).hasSize(patients);
        assertThat(parsed.events()).hasSize(events);
        check.accept(parsed);
    }

    @Test
    void madeEventIdsAreTheSameForTheSameRowAndDifferForDifferentOnes() {
        String observations =
                new String(TestFiles.shared("synthea-dbt-ohdsi/observations.csv"), StandardCharsets.UTF_8);

        var first = parse(observations);
        var again = parse(observations);

        assertThat(first.events())
                .extracting(EventFacts::eventId)
                .isEqualTo(again.events().stream().map(EventFacts::eventId).toList());
        long distinctRows = observations
                .lines()
                .skip(1)
                .map(line -> {
                    String[] f = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
                    return f[1] + '|' + f[0] + '|' + f[4] + '|' + f[6];
                })
                .distinct()
                .count();
        assertThat(first.events()).hasSize((int) distinctRows);
        assertThat(first.rows()).isEqualTo((int) observations.lines().skip(1).count());
    }

    static Stream<Arguments> birthDates() {
        return Stream.of(
                Arguments.of(
                        "MIMIC shifted into the future",
                        "ROW_ID,SUBJECT_ID,GENDER,DOB\n1,7,F,2180-06-05 00:00:00\n",
                        LocalDate.of(2180, 6, 5)),
                Arguments.of(
                        "MIMIC over 89",
                        "ROW_ID,SUBJECT_ID,GENDER,DOB\n1,7,F,1844-07-18 00:00:00\n",
                        LocalDate.of(1844, 7, 18)),
                Arguments.of(
                        "MIMIC without a time",
                        "ROW_ID,SUBJECT_ID,GENDER,DOB\n1,7,F,2094-03-05\n",
                        LocalDate.of(2094, 3, 5)),
                Arguments.of("MIMIC, not a date", "ROW_ID,SUBJECT_ID,GENDER,DOB\n1,7,F,2094-13-05 00:00:00\n", null),
                Arguments.of(
                        "Synthea",
                        "Id,BIRTHDATE,FIRST,LAST,GENDER\ns-1,1961-02-28,Ann,Lee,F\n",
                        LocalDate.of(1961, 2, 28)),
                Arguments.of(
                        "Synthea in the future is still not a birth date",
                        "Id,BIRTHDATE,FIRST,LAST,GENDER\ns-1,2094-03-05,Ann,Lee,F\n",
                        null),
                Arguments.of(
                        "the seed's file in the future is still not a birth date",
                        "patient_id,birth_date\np-1,2094-03-05\n",
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("birthDates")
    void birthDatesAreReadAsTheExportWritesThem(String what, String csv, LocalDate expected) {
        var parsed = parse(csv);

        assertThat(parsed.patients().getFirst().birthDate()).isEqualTo(expected);
        assertThat(parsed.errors()).hasSize(expected == null ? 1 : 0);
    }

    static Stream<String> unrecognisedHeaders() {
        return Stream.of(
                "id,name\n1,Jane\n",
                "name,patient_id\nJane,p-1\n",
                "patientid,name\np-1,Jane\n",
                "event_id,patient_id\ne-1,p-1\n",
                "Id,FIRST,LAST\ns-1,Ann,Lee\n",
                "Id,BIRTHDATE,FIRST,LAST\ns-1,1961-02-28,Ann,Lee\n",
                "START,STOP,PATIENT,ENCOUNTER,CODE,DESCRIPTION\n2020-01-01,,s-1,e-1,44054006,Diabetes\n",
                "DATE,PATIENT,CODE,VALUE\n2023-10-10T04:17:47Z,s-1,8302-2,127.9\n",
                "ROW_ID,SUBJECT_ID,HADM_ID,ADMITTIME\n1,10006,142345,2164-10-23 21:09:00\n",
                "ROW_ID,SUBJECT_ID,GENDER\n1,10006,F\n",
                "ROW_ID,SUBJECT_ID,ITEMID,CHARTTIME\n1,10006,50971,2164-11-16 03:05:00\n",
                "MRN,DateOfBirth\nm-1,1980-03-12\n");
    }

    @ParameterizedTest
    @MethodSource("unrecognisedHeaders")
    void otherHeadersAreRefusedWithWhatIsExpected(String csv) {
        assertThatThrownBy(() -> parse(csv))
                .isInstanceOf(PatientFile.UnrecognizedHeaderException.class)
                .hasMessageStartingWith("First column is not patient_id")
                .hasMessageContaining("Synthea patients.csv (Id, BIRTHDATE, FIRST, LAST, GENDER)")
                .hasMessageContaining("MIMIC-III LABEVENTS.csv (SUBJECT_ID, ITEMID, CHARTTIME, VALUE)")
                .hasMessageContaining("columns field");
    }

    static Stream<Arguments> badMappings() {
        String file = "MRN,Name,DOB,Result\nm-1,Jane,1980-03-12,94\n";
        return Stream.of(
                Arguments.of(file, "{\"patient_id\":\"MRN\"", "not valid JSON"),
                Arguments.of(file, "{\"patient_id\":\"MRN\",\"patient_id\":\"Name\"}", "not valid JSON"),
                Arguments.of(file, "patient_id=MRN", "not valid JSON"),
                Arguments.of(file, "[\"MRN\"]", "must be a JSON object"),
                Arguments.of(file, "{\"mrn\":\"MRN\"}", "unknown field 'mrn'"),
                Arguments.of(file, "{\"patient_id\":5}", "must be the name of a column"),
                Arguments.of(file, "{\"patient_id\":\" \"}", "must be the name of a column"),
                Arguments.of(
                        file,
                        "{\"patient_id\":\"PatientNumber\"}",
                        "'PatientNumber', which is not a column of the file (its header: MRN, Name, DOB, Result)"),
                Arguments.of(file, "{\"patient_id\":\"MRN\",\"name\":\"MRN\"}", "maps both patient_id and name"),
                Arguments.of(
                        file,
                        "{\"patient_id\":\"MRN\",\"name\":\"Name\",\"value\":\"Result\"}",
                        "mixes patient fields"),
                Arguments.of(file, "{\"name\":\"Name\"}", "must name the patient_id column"),
                Arguments.of("patient_id,event_id,value\np-1,e-1,94\n", "{\"name\":\"value\"}", "one or the other"),
                Arguments.of(head("synthea-dbt-ohdsi/patients.csv", 1), "{\"value\":\"SSN\"}", "one or the other"));
    }

    @ParameterizedTest
    @MethodSource("badMappings")
    void aMappingThatDoesNotFitIsRefusedWithWhy(String csv, String columns, String why) {
        assertThatThrownBy(() -> parse(csv, columns))
                .isInstanceOf(InvalidCsvException.class)
                .hasMessageContaining(why);
    }

    @Test
    void anExportRowWithoutItsPatientIdRefusesTheWholeFile() {
        for (String csv : List.of(
                "Id,BIRTHDATE,FIRST,LAST,GENDER\ns-1,1961-02-28,Ann,Lee,F\n,1962-02-28,Bo,Lee,M\n",
                "ROW_ID,SUBJECT_ID,ITEMID,CHARTTIME,VALUE\n1,,50971,2164-11-16 03:05:00,3.8\n")) {
            assertThatThrownBy(() -> parse(csv)).isInstanceOf(PatientFile.MissingPatientIdException.class);
        }
    }

    @Test
    void anEventFileIsHandedOverInBatchesThatAddUpToTheWholeFile() {
        var csv = new StringBuilder("patient_id,event_id,event_date,event_type,value,unit\n");
        for (int i = 0; i < 25; i++) {
            csv.append("p-")
                    .append(i % 4)
                    .append(",e-")
                    .append(i % 20)
                    .append(",2026-01-10,SpO2,")
                    .append(90 + i)
                    .append(",%\n");
        }
        List<List<String>> newPatients = new java.util.ArrayList<>();
        List<List<EventFacts>> batches = new java.util.ArrayList<>();
        PatientFile.Read read;
        try (CsvTable table = CsvTable.open(new StringReader(csv.toString()), LIMITS)) {
            read = PatientFile.read(
                    table,
                    TODAY,
                    ColumnMapping.NONE,
                    new PatientFile.Sink() {
                        @Override
                        public void patients(List<PatientFacts> patients) {
                            throw new AssertionError("an event file has no patient rows");
                        }

                        @Override
                        public void events(List<PatientFacts> patients, List<EventFacts> events) {
                            newPatients.add(patients.stream()
                                    .map(PatientFacts::externalId)
                                    .toList());
                            batches.add(events);
                        }
                    },
                    10);
        }

        assertThat(read.eventFile()).isTrue();
        assertThat(read.rows()).isEqualTo(25);
        assertThat(read.expected()).isEqualTo(4);
        assertThat(batches).extracting(List::size).containsExactly(10, 10, 5);
        // Each patient is handed over once, in the batch that first names it.
        assertThat(newPatients).containsExactly(List.of("p-0", "p-1", "p-2", "p-3"), List.of(), List.of());
        // Rows 20-24 repeat events 0-4 of the same patients: the later batch carries the later values.
        assertThat(batches.get(2)).extracting(EventFacts::eventId).containsExactly("e-0", "e-1", "e-2", "e-3", "e-4");
        assertThat(batches.get(2).getFirst().value()).isEqualTo("110");
        assertThat(parse(csv.toString()).events())
                .hasSize(20)
                .filteredOn(e -> e.eventId().equals("e-0"))
                .extracting(EventFacts::value)
                .containsExactly("110");
    }

    @Test
    void aRowWithoutPatientIdAfterSomeBatchesStillRefusesTheFile() {
        var csv = new StringBuilder("patient_id,event_id,event_date,event_type,value,unit\n");
        for (int i = 0; i < 30; i++) {
            csv.append("p-").append(i % 3).append(",e-").append(i).append(",2026-01-10,SpO2,90,%\n");
        }
        csv.append(",e-x,2026-01-10,SpO2,90,%\n");
        var handedOver = new java.util.concurrent.atomic.AtomicInteger();
        try (CsvTable table = CsvTable.open(new StringReader(csv.toString()), LIMITS)) {
            assertThatThrownBy(() -> PatientFile.read(
                            table,
                            TODAY,
                            ColumnMapping.NONE,
                            new PatientFile.Sink() {
                                @Override
                                public void patients(List<PatientFacts> patients) {}

                                @Override
                                public void events(List<PatientFacts> patients, List<EventFacts> events) {
                                    handedOver.addAndGet(events.size());
                                }
                            },
                            10))
                    .isInstanceOfSatisfying(
                            PatientFile.MissingPatientIdException.class,
                            missing -> assertThat(missing.line()).isEqualTo(32));
        }
        assertThat(handedOver).hasValue(30);
    }
}
