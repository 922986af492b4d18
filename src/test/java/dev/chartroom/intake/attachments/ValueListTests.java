package dev.chartroom.intake.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueListTests {

    /** Each case: the field as sent, and the entries expected joined by '|' ('~' for an empty entry). */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = ';',
            quoteCharacter = '`',
            value = {
                "`[\"Lab\",\"Photo\"]`;        Lab|Photo",
                "`[\"Lab\"]`;                  Lab",
                "`[ \"  Lab \" , \"Photo\" ]`; Lab|Photo",
                "`[\"a,b\",\"c\"]`;            a,b|c",
                "`[\"Lab\",null]`;             Lab|~",
                "`[\"Lab\",\"\"]`;             Lab|~",
                "`[1,2]`;                      1|2",
                "ext-1,ext-2;                  ext-1|ext-2",
                "` ext-1 , ext-2 `;            ext-1|ext-2",
                "ext-1;                        ext-1",
                "`ext-1,,ext-3`;               ext-1|~|ext-3",
                "`ext-1,`;                     ext-1|~",
                "`Lab \"quoted\"`;             Lab \"quoted\"",
                "`[]`; ``",
            })
    void listsOneEntryPerAttachment(String raw, String expected) {
        List<String> entries = expected.isEmpty()
                ? List.of()
                : Arrays.stream(expected.split("\\|", -1))
                        .map(e -> e.equals("~") ? null : e)
                        .toList();
        assertThat(ValueList.parse(raw)).isEqualTo(new ValueList.Parsed.Values(entries));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\n"})
    void absentOrBlankListsNothing(String raw) {
        assertThat(ValueList.parse(raw)).isInstanceOf(ValueList.Parsed.Absent.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"[\"Lab\",", "[\"Lab\"]]", "[{\"name\":\"Lab\"}]", "[[\"Lab\"]]", "[true]", "[\"Lab\" \"Photo\"]"
            })
    void malformedJsonArraysAreInvalid(String raw) {
        assertThat(ValueList.parse(raw)).isInstanceOf(ValueList.Parsed.Invalid.class);
    }

    @org.junit.jupiter.api.Test
    void overlongEntriesAreInvalid() {
        assertThat(ValueList.parse("a," + "x".repeat(501))).isInstanceOf(ValueList.Parsed.Invalid.class);
    }
}
