package dev.chartroom.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SigTests {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # instructions                              | dose            | route        | frequency
            10 mg PO daily                              | 10 mg           | PO           | daily
            10mg po qd                                  | 10 mg           | PO           | daily
            500 mg by mouth twice daily                 | 500 mg          | PO           | BID
            1 g IV q8h                                  | 1 g             | IV           | q8h
            4.5 g IV every 6 hours                      | 4.5 g           | IV           | q6h
            2 puffs inhaled q4-6h PRN wheezing          | 2 puffs         | inhaled      | q4-6h PRN
            1 puff BID                                  | 1 puff          | -            | BID
            250/50 mcg inhalation twice a day           | 250/50 mcg      | inhaled      | BID
            20 units subcut at bedtime                  | 20 units        | SC           | QHS
            5000 units SC q12h                          | 5000 units      | SC           | q12h
            0.4 mg SL q5min as needed                   | 0.4 mg          | SL           | PRN
            40 mg IM once                               | 40 mg           | IM           | -
            15 mg PO weekly                             | 15 mg           | PO           | weekly
            0.6 mg TID                                  | 0.6 mg          | -            | TID
            400 mg p.o. q.i.d.                          | 400 mg          | PO           | QID
            50 mg QHS PRN insomnia                      | 50 mg           | -            | QHS PRN
            1-2 tabs q6h prn pain                       | 1-2 tablets     | -            | q6h PRN
            1 tablet every other day                    | 1 tablet        | -            | QOD
            5 mg/ml oral suspension                     | 5 mg/mL         | PO           | -
            20 mEq PO daily                             | 20 mEq          | PO           | daily
            0.1% cream topically two times a day        | 0.1%            | topical      | BID
            1 drop in each eye nightly                  | 1 drop          | ophthalmic   | QHS
            1000 mcg IM monthly                         | 1000 mcg        | IM           | monthly
            as needed for pain                          | -               | -            | PRN
            every morning with breakfast                | -               | -            | daily
            """)
    void readsDoseRouteAndFrequency(String instructions, String dose, String route, String frequency) {
        Sig sig = Sig.parse(instructions, 0, instructions.length());

        assertThat(sig.dose()).isEqualTo(dose);
        assertThat(sig.route()).isEqualTo(route);
        assertThat(sig.frequency()).isEqualTo(frequency);
        assertThat(sig.end()).isLessThanOrEqualTo(instructions.length());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "mg",
                "patient improving",
                "seen on 10/12/2024",
                "room 12",
                "BP 120/80",
                "imaging of the ivory tower",
                "pounds",
                "ages 5-10"
            })
    void readsNothingFromMalformedOrUnrelatedText(String text) {
        Sig sig = Sig.parse(text, 0, text.length());

        assertThat(sig.isEmpty()).as(sig.toString()).isTrue();
        assertThat(sig.end()).isZero();
    }
}
