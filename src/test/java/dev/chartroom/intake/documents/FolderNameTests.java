package dev.chartroom.intake.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FolderNameTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "MedicalRecords",
                "MedicalRecords/LabResults",
                "A/B/C/D",
                "Lab Results 2026",
                "Ärzte/Befunde",
                "a.b",
                "...",
                ".hidden",
                "x..y",
                "Records-2026_v2",
                "检查/结果"
            })
    void validFolderNames(String folder) {
        assertThat(FolderName.problem(folder)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "\"\"                    | required",
                "/                       | empty folder names",
                "/MedicalRecords         | empty folder names",
                "MedicalRecords/         | empty folder names",
                "A//B                    | empty folder names",
                "A/ /B                   | empty folder names",
                "\" \"                   | empty folder names",
                ".                       | '.' or '..'",
                "..                      | '.' or '..'",
                "A/../B                  | '.' or '..'",
                "A/./B                   | '.' or '..'",
                "../etc                  | '.' or '..'",
                "A\\B                    | backslashes",
                "\" A/B\"                | spaces",
                "\"A /B\"                | spaces",
            })
    void invalidFolderNames(String folder, String reason) {
        assertThat(FolderName.problem(folder))
                .hasValueSatisfying(problem -> assertThat(problem).contains(reason));
    }

    @ParameterizedTest
    @MethodSource("overlong")
    void limitsLengths(String folder, String reason) {
        assertThat(FolderName.problem(folder))
                .hasValueSatisfying(problem -> assertThat(problem).contains(reason));
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> overlong() {
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("a".repeat(101), "at most 100"),
                org.junit.jupiter.params.provider.Arguments.of(("abcd/").repeat(100) + "x", "longer than 500"),
                org.junit.jupiter.params.provider.Arguments.of("A\tB", "control characters"),
                org.junit.jupiter.params.provider.Arguments.of("A\u0000B", "control characters"),
                org.junit.jupiter.params.provider.Arguments.of(null, "required"));
    }

    @ParameterizedTest
    @CsvSource({"true,true", "TRUE,true", "1,true", "false,false", "False,false", "0,false", "'',false", "' ',false"})
    void flagsReadTheSeedsBooleans(String value, boolean expected) {
        assertThat(DocumentUploadIntake.flag("is_reviewed", value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "no", "2", "tru", "on"})
    void otherFlagValuesAreRefused(String value) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DocumentUploadIntake.flag("is_reviewed", value))
                .isInstanceOf(DocumentUploadException.class)
                .hasMessageContaining("is_reviewed");
    }
}
