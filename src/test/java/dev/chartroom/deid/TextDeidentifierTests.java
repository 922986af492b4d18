package dev.chartroom.deid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartroom.extract.DrugNames;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextDeidentifierTests {

    static final TextDeidentifier DEID = new TextDeidentifier(DrugNames::contains);
    static final Subject SHIFTED = new Subject(List.of(), 10);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            NAME    | Patient: John Smith presented.                        | John Smith
            NAME    | DICTATED BY: BALIMOOD, MOSTAFA                        | BALIMOOD, MOSTAFA
            NAME    | Seen with Dr. Ana-Maria O'Brien today.                | Ana-Maria O'Brien
            NAME    | Electronically signed by Kwame Mensah, MD             | Kwame Mensah
            NAME    | His wife Maria called.                                | Maria
            NAME    | Spoke with Maria Lopez about results.                 | Maria Lopez
            NAME    | Mr. van der Berg returns.                             | van der Berg
            NAME    | cc: Priya Sharma, NP                                  | Priya Sharma
            PHONE   | Call (555) 123-4567 ext. 22 if worse.                 | (555) 123-4567 ext. 22
            PHONE   | Fax: 555.123.4567                                     | 555.123.4567
            PHONE   | Phone +44 20 7946 0958                                | +44 20 7946 0958
            EMAIL   | Write to ana.ruiz@example.org please.                 | ana.ruiz@example.org
            SSN     | SSN: 123-45-6789                                      | 123-45-6789
            SSN     | Social Security Number 123456789                      | 123456789
            RECORD  | MRN: 00423871                                         | 00423871
            RECORD  | Member ID XKG-449-2231                                | XKG-449-2231
            RECORD  | DEA # BS1234563                                       | BS1234563
            RECORD  | Card 4454 7945 1139 0933 on file                      | 4454 7945 1139 0933
            DEVICE  | Pacemaker serial number PJN448812K                    | PJN448812K
            DEVICE  | VIN 1HGCM82633A004352 towed.                          | 1HGCM82633A004352
            URL     | See https://portal.example.com/p/123.                 | https://portal.example.com/p/123
            IP      | Logged in from 192.168.10.24 twice.                   | 192.168.10.24
            IP      | from 2001:db8:85a3::8a2e:370:7334 today               | 2001:db8:85a3::8a2e:370:7334
            DATE    | Admitted 03/14/2024 for pneumonia.                    | 03/14/2024
            DATE    | Admitted on March 14, 2024.                           | March 14, 2024
            DATE    | Seen on 14 Mar 2024 and on 3/20.                      | 14 Mar 2024
            DATE    | Surgery in March 2024.                                | March 2024
            DATE    | DOB: 1962-05-01                                       | 1962-05-01
            AGE     | A 92-year-old woman with falls.                       | 92-year-old
            AGE     | age 95                                                | age 95
            LOCATION| Lives at 1234 Oak Street, Apt 5B.                     | 1234 Oak Street, Apt 5B
            LOCATION| Address: Springfield, IL 62704                        | Springfield
            ZIP     | Address: Springfield, IL 62704                        | 62704
            LOCATION| She lives in Dayton with her son.                     | Dayton
            LOCATION| Resident of Cook County since birth.                  | Cook County
            PHONE   | They're not answering at 0494 92 82 32 today.         | 0494 92 82 32
            PHONE   | Office 082 490 1693-Office, fax on file.              | 082 490 1693
            LOCATION| Sent to 3482 Via Franscini 71 last week.              | Via Franscini 71
            LOCATION| She lives at Koskikatu 25 with her son.               | Koskikatu 25
            LOCATION| Mail to PSC 0413, Box 8144 APO AA 42323.              | PSC 0413, Box 8144 APO AA
            LOCATION| Moved to Apt. 864 upstairs.                           | Apt. 864
            LOCATION| Crash at Route 9 and Hollis Street in the rain.       | Route 9 and Hollis Street
            LOCATION| Lives at 418 Main Street, Springfield.                | Springfield
            LOCATION| Mail to 9931 14 Iliou Street today.                   | 9931 14 Iliou Street
            LOCATION| Admitted from Glen Arbor Assisted Living.             | Glen Arbor
            LOCATION| She has a condominium in Shaker Heights now.          | Shaker Heights
            LOCATION| Her daughter in Tucson calls weekly.                  | Tucson
            LOCATION| Send to Unit 4719 Box 7394, DPO AE.                   | Unit 4719 Box 7394, DPO AE
            LOCATION| Mailing address RR 2 Box 15 since the fire.           | RR 2 Box 15
            LOCATION| Fell while hiking near Lake Tahoe last week.          | Lake Tahoe
            LOCATION| Found unresponsive in Lincoln Park by police.         | Lincoln Park
            LOCATION| Was hospitalized in Fresno for sepsis.                | Fresno
            LOCATION| Works at a factory in Gary on nights.                 | Gary
            DEVICE  | Dexcom transmitter SN 8G4KX2 replaced.                | 8G4KX2
            DEVICE  | Hearing aid serials R2214-0093 and R2214-0094 noted.  | R2214-0093 and R2214-0094
            DEVICE  | License plate number is 7ABC123 per police.           | 7ABC123
            DEVICE  | Insulin pump S/N: TP-88213-04 was swapped.            | TP-88213-04
            DEVICE  | Vaccine lot #s EK5730, FH8028 given.                  | EK5730, FH8028
            DEVICE  | VIN ending in 004352 per report.                      | 004352
            DEVICE  | Label (01)00643169001763(17)260930(10)A12345(21)77231 | (01)00643169001763(17)260930(10)A12345(21)77231
            NAME    | Faina D. Yefremova attended.                          | Faina D. Yefremova
            NAME    | Seen with Šárka Ottová today.                         | Šárka Ottová
            NAME    | Wrist pain. Jordan states he fell.                    | Jordan
            NAME    | Tilly Nicholson lives alone.                          | Tilly Nicholson
            NAME    | "It helps," says Hartvigsson.                         | Hartvigsson
            NAME    | What's your last name? Turgeon                        | Turgeon
            NAME    | Her kid Dzhambek was sick.                            | Dzhambek
            """)
    void removesEachKindOfIdentifier(Identifier kind, String text, String identifier) {
        Deidentified result = DEID.deidentify(text, SHIFTED);
        assertThat(result.text()).doesNotContain(identifier);
        assertThat(result.findings()).anySatisfy(f -> {
            assertThat(f.start()).isLessThanOrEqualTo(text.indexOf(identifier));
            assertThat(f.end()).isGreaterThanOrEqualTo(text.indexOf(identifier) + identifier.length());
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            BP 142/88, HR 76, T 98.6 F, O2 sat 97% on room air.
            Strength 5/5 in all extremities; grade 3/6 murmur.
            Take 1/2 tablet of metformin 500 mg twice daily.
            History of Parkinson disease and Hodgkin lymphoma since 2015.
            Positive Murphy sign. Foley catheter placed. Glasgow Coma Scale 15.
            Continue Lasix 40 mg, Coumadin, Tylenol and Norco as needed.
            Hemoglobin 11.2 g/dL, creatinine 1.4, INR 2.5, ICD-10 E11.9.
            Follow up in 2-3 weeks in room 412, bed 2.
            Gleason 3+4 adenocarcinoma; Crohn disease in remission.
            A 45-year-old man with Graves disease and Cushing syndrome.
            Vitamin D Deficiency and Hepatitis B Vaccine are noted.
            Given via 2 large-bore lines; Factor V Leiden carrier.
            Ménière disease with Sjögren syndrome.
            Pump rate 2 units/hr; lot of pain; monitor BP 130/85 daily.
            Cesarean Section in 2019; son in good health; came back from Rehab.
            Diagnosed in March with Valley fever; treated in Urgent Care.
            Nursing reports no events. Pain returns at night. Family states she ate.
            """)
    void keepsClinicalText(String text) {
        assertThat(DEID.deidentify(text, SHIFTED).text()).isEqualTo(text);
    }

    @Test
    void shiftsDatesKeepingIntervals() {
        var result = DEID.deidentify("Admitted 2024-03-01, discharged 03/05/2024.", new Subject(List.of(), -3));
        assertThat(result.text()).isEqualTo("Admitted [DATE 2024-02-27], discharged [DATE 2024-03-02].");
    }

    @Test
    void removesTheRecordsOwnNamesEverywhere() {
        var result = DEID.deidentify(
                "Xanthor reports pain. XANTHOR QUARTERMAINE-FROST was seen.",
                new Subject(List.of("Xanthor Quartermaine-Frost"), 5));
        assertThat(result.text()).isEqualTo("[NAME] reports pain. [NAME] [NAME] was seen.");
    }

    @Test
    void aNamesParticleIsNotRemovedAloneWhereverItAppears() {
        var result = DEID.deidentify("St. Brigid Medical Center\nPhysician: Natalie St. John, MD", SHIFTED);
        assertThat(result.text()).isEqualTo("St. Brigid Medical Center\nPhysician: [NAME], MD");
    }

    @Test
    void theCityBesideAStreetsReplacedPartsIsFoundToo() {
        var result = DEID.deidentify("Address: 12 Elm Street, Apt 4, Pikeville, KY 41501", SHIFTED);
        assertThat(result.text()).doesNotContain("Pikeville", "Elm", "41501");
    }

    @Test
    void isIdempotent() {
        String note =
                "Patient: John Smith, DOB 03/04/1950, MRN 12345678, phone 555-123-4567. Lives in Dayton, OH 45402.";
        String once = DEID.deidentify(note, SHIFTED).text();
        assertThat(DEID.deidentify(once, SHIFTED).text()).isEqualTo(once);
    }

    @Test
    void aRuleThatFailsWithholdsTheWholeTextRatherThanLetAnythingThrough() {
        Detector broken = (text, subject, into) -> {
            throw new IllegalStateException("a bug in a rule");
        };
        var withheld =
                new TextDeidentifier(List.of(new NumberDetector(), broken)).deidentify("Patient: John Smith", SHIFTED);
        assertThat(withheld.complete()).isFalse();
        assertThat(withheld.text()).isEqualTo("[WITHHELD]");
        assertThat(DEID.deidentify(withheld.text(), SHIFTED).text()).isEqualTo("[WITHHELD]");
    }
}
