package dev.chartroom.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DemographicsTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            1980-03-12            | 1980-03-12
            1980-3-2              | 1980-03-02
            1980/03/12            | 1980-03-12
            03/12/1980            | 1980-03-12
            19800312              | 1980-03-12
            March 12, 1980        | 1980-03-12
            Mar 12, 1980          | 1980-03-12
            12 March 1980         | 1980-03-12
            1980-03-12T00:00:00Z  | 1980-03-12
            1980-03-12 08:15      | 1980-03-12
            '  1980-03-12 '       | 1980-03-12
            1980-13-45            | null
            1980-02-30            | null
            13/45/1980            | null
            1700-01-01            | null
            2030-01-01            | null
            yesterday             | null
            ''                    | null
            """)
    void birthDates(String text, LocalDate expected) {
        assertThat(Demographics.birthDate(text, TODAY).orElse(null)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", textBlock = """
            M,male
            female,female
            F,female
            Other,other
            U,unknown
            ' m ',male
            robot,null
            '',null
            """)
    void sexes(String text, String expected) {
        assertThat(Demographics.sex(text).orElse(null)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            (617) 555-0123     | +16175550123
            617-555-0123       | +16175550123
            +1 617 555 0123    | +16175550123
            6175550123         | +16175550123
            +44 20 7946 0958   | +442079460958
            555-0123           | null
            123                | null
            not a phone        | null
            """)
    void phones(String text, String expected) {
        assertThat(Demographics.phone(text).orElse(null)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            Jane Doe           | Jane       | Doe
            Doe, Jane          | Jane       | Doe
            Mary Ann  Smith    | Mary Ann   | Smith
            Cher               | null       | Cher
            """)
    void names(String name, String first, String last) {
        assertThat(Demographics.firstAndLast(name)).containsExactly(first, last);
    }
}
