package dev.chartroom.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built-in extractor on dictated transcriptions (issue 15): brand names read as their
 * ingredients, the context that keeps past, procedure, lab, other-person and modifier mentions out
 * of the medication list, transcription headings, and the allergy phrasings transcriptions use.
 */
class TranscriptionExtractionTests {

    private static final RuleBasedExtractor extractor = new RuleBasedExtractor(DrugLexicon.load());

    private static List<String> ingredients(String note) {
        return extractor.extract(note).medications().stream()
                .map(m -> String.join(" / ", m.ingredients()))
                .toList();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # note                                                                  | ingredients found
            MEDICATIONS: Lovaza 1 g b.i.d., TriCor 145 mg daily.                    | omega-3-acid ethyl esters,fenofibrate
            CURRENT MEDICATIONS: CellCept 500 mg b.i.d. and Gengraf 100 mg b.i.d.   | mycophenolate,cyclosporine
            MEDICATIONS: WelChol, Lunesta at bedtime and Trileptal.                 | colesevelam,eszopiclone,oxcarbazepine
            MEDICATIONS: Darvocet-N 100 one q.6h. p.r.n. pain.                      | acetaminophen / propoxyphene
            MEDICATIONS: Augmentin XR 1000 mg b.i.d.                                | amoxicillin / clavulanate
            MEDICATIONS: Pulmicort Respules 0.5 mg nebulized b.i.d.                 | budesonide
            MEDICATIONS: Lortab 5/500 one every 6 hours as needed.                  | acetaminophen / hydrocodone
            Discharge medications: Depakene 250 mg t.i.d., Compazine p.r.n.         | valproic acid,prochlorperazine
            Nystatin swish and swallow.                                             | nystatin
            For the migraines we will try to use Inderal.                           | propranolol
            MEDICATIONS: Lantus insulin 15 units every evening.                     | insulin glargine
            MEDICATIONS: HCTZ 25 mg daily, Vitamin C one a day.                     | hydrochlorothiazide,ascorbic acid
            The patient is sent home on Tylenol #3 as she is allergic to Motrin.    | acetaminophen / codeine
            Admitted for cycle six of continuous IV infusion Cytoxan and DTIC.      | cyclophosphamide,dacarbazine
            MEDICATIONS: NPH insulin 30 units q.a.m., Macrodantin 50 mg at night.   | insulin isophane,nitrofurantoin
            MEDICATIONS: Tekturna 150 mg, conjugated estrogens, folate.             | aliskiren,estrogens conjugated,folic acid
            MEDICATIONS: Calcium with vitamin D b.i.d. and Tylenol with codeine.    | calcium / vitamin d,acetaminophen / codeine
            MEDS: Eskalith 300 mg t.i.d., lithium 300 mg at night, Ester-C daily.   | lithium carbonate,lithium,ascorbic acid
            MEDICATIONS: Magnesium, CoQ10 and glucosamine chondroitin two a day.    | magnesium,coenzyme q10,chondroitin / glucosamine
            """)
    void readsBrandsAsTheirIngredients(String note, String expected) {
        assertThat(ingredients(note)).containsExactlyElementsOf(List.of(expected.split(",")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # note                                                                               | medication kept out
            The site was infiltrated with 1 cc of 1% lidocaine.                                  | lidocaine
            ANESTHESIA: Demerol 100 mg IV and Versed 3 mg IV.                                    | meperidine
            DESCRIPTION OF PROCEDURE: 40 mg of Depo-Medrol was injected into the bursa.          | methylprednisolone
            Versed and fentanyl were used for conscious sedation.                                | fentanyl
            In the past, she has been on Prozac, Paxil, lithium, Depakote.                       | fluoxetine
            In the past, she has been on Prozac, Paxil, lithium, Depakote.                       | divalproex
            Cultures grew vancomycin resistant enterococcus.                                     | vancomycin
            She developed heparin-induced thrombocytopenia.                                      | heparin
            Mother received ampicillin 2 g 4 hours prior to delivery.                            | ampicillin
            LABORATORY DATA: BUN and creatinine 40/2.0, hemoglobin 11.3, phosphorus 3.4.         | creatinine
            I would monitor her closely and recheck in a week.                                   | monitor
            A titanium Port-A-Cath was placed.                                                   | titanium
            Following a barium enema prep the scope was passed.                                  | barium
            FAMILY HISTORY: Her father takes insulin for diabetes.                               | insulin
            The patient may be started on aspirin if it is okay with cardiology.                 | aspirin
            She was not taking her Coumadin.                                                     | warfarin
            Secondary to a penicillin allergy she was given clindamycin.                         | penicillin
            INDICATIONS: Previously abnormal dobutamine Myoview stress test.                     | dobutamine
            The urine culture grew E. coli, which was sensitive to Bactrim.                      | sulfamethoxazole / trimethoprim
            10. History of hypokalemia related to HCTZ.                                          | hydrochlorothiazide
            Her fluids have been D5 with 20 mEq/L of potassium chloride at 16 mL/h.              | potassium chloride
            MEDICATIONS: Demerol 50 mg and Versed 2 mg IV given during the procedure.            | meperidine
            MEDICATIONS: Demerol 50 mg and Versed 2 mg IV given during the procedure.            | midazolam
            PLAN: Continue Zyrtec. Another option would be to use Allegra.                       | fexofenadine
            The graft was wrapped in papaverine-soaked gauze.                                    | papaverine
            He was placed on Imuran in May. In June the Imuran was stopped for pancytopenia.     | azathioprine
            She was started on Cytoxan, then switched from Cytoxan to CellCept.                  | cyclophosphamide
            MEDICATIONS: Quercetin 500 mg, evening primrose oil and flax oil b.i.d.              | quercetin
            MEDICATIONS: Multivitamin and vitamin daily.                                         | ergocalciferol
            FINDINGS: 10 mCi of Cardiolite injected; please refer to the Myoview interpretation.  | technetium tc-99m tetrofosmin kit
            Labor was slow. Therefore, Pitocin was started.                                      | oxytocin
            PLAN: He will need metoprolol 25 mg daily if the palpitations persist.               | metoprolol
            She should avoid blood thinners such as Plavix and Integrilin.                       | clopidogrel
            Vancomycin and gentamicin were started but were discontinued after 48 hours.         | gentamicin
            DELIVERY NOTE: She was started on prophylaxis with ampicillin during labor.          | ampicillin
            The clinic gave him Tylenol, but yesterday at night the cough got worse.             | acetaminophen
            DRESSING: Sterile dressing including gauze and iodoform gauze.                       | iodoform
            The patient will not be placed on Plavix before the bypass grafting.                 | clopidogrel
            INJECTABLES: 0.5% Marcaine and 0.5 mL dexamethasone phosphate.                       | dexamethasone
            PLAN: Follow up with labs before the next visit: CBC and iron stores.                | iron
            """)
    void keepsMentionsThatAreNotCurrentOut(String note, String drug) {
        assertThat(ingredients(note)).doesNotContain(drug);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # note                                                                               | medication kept
            In the past she was on Paxil; she is now on Zoloft 50 mg daily.                      | sertraline
            She has a history of hypertension on lisinopril.                                     | lisinopril
            Mother states he takes Claritin in the spring.                                       | loratadine
            He is here with his mother. He is currently on Advair 250/50 one puff b.i.d.          | fluticasone / salmeterol
            PLAN: Zyrtec and Flonase for his allergic rhinitis.                                  | cetirizine
            Ampicillin and gentamicin were started and he was discharged on Keflex.              | cephalexin
            PAST MEDICAL HISTORY: Hypertension, currently on Norvasc 5 mg.                       | amlodipine
            She was placed on bowel rest and her medications, Pepcid and Reglan, were given in an attempt to increase motility. | metoclopramide
            The urine grew E. coli sensitive to Bactrim and she was discharged on p.o.\\nBactrim. | sulfamethoxazole / trimethoprim
            PROCEDURE: The wound was closed and dressed. The patient is sent\\nhome on Keflex. | cephalexin
            She was started on Cytoxan, then switched from Cytoxan to CellCept.                  | mycophenolate
            MEDICATIONS: Her medication is a dose of Lasix this morning.                         | furosemide
            PROCEDURE: The duct was probed. Bacitracin ointment to the eye twice daily for a week. | bacitracin
            The patient was given methylcellulose eye drops, one drop in each eye daily.   | methylcellulose
            HOME MEDICATIONS\\n1. Lasix.\\n2. Potassium.\\n3. Vitamin B.                           | vitamin b
            PROCEDURE: The scope was passed. The patient is currently on Cortef and Tegretol.     | carbamazepine
            PROCEDURE: Closed in layers. She was given Motrin #30 1 p.o. q.6h. p.r.n. pain.       | ibuprofen
            OPERATIVE NOTE: She was given a prescription for a longer line, then Keflex\\n#28 1 p.o. q.i.d. | cephalexin
            HOSPITAL COURSE: DPH was continued and he was given a Librium taper.                 | phenytoin
            HOSPITAL COURSE: DPH was continued and he was given a Librium taper.                 | chlordiazepoxide
            MEDICATIONS: Roxanol 5 mg q.3h. p.r.n. pain and Adrenocot 0.5 mg daily.              | morphine
            MEDICATIONS\\n1. Aspirin.\\n2. Clavulanic acid or Augmentin.                            | amoxicillin / clavulanate
            The patient 's medications valproic acid and Keppra were weaned during the recording.   | levetiracetam
            PLAN:\\n3. Follow up in a month.\\n4. Ortho Tri-Cyclen Lo.                           | ethinyl estradiol / norgestimate
            PLAN: He will be dismissed on pain medication and iron therapy.                      | iron
            MEDICATIONS: Hydrocodone/Acetaminophen 5/500 1-2 tabs PO q 6 hr PRN, Patanol.         | acetaminophen / hydrocodone
            MEDICATIONS: Nasacort AQ two sprays each nostril daily, Patanol drops.               | triamcinolone
            MEDICATIONS: Nasacort AQ two sprays each nostril daily, Patanol drops.               | olopatadine
            """)
    void keepsWhatThePatientTakesNow(String note, String drug) {
        assertThat(ingredients(note.replace("\\n", "\n"))).contains(drug);
    }

    static Stream<Arguments> headings() {
        return Stream.of(
                Arguments.of(
                        "CURRENT MEDICATIONS  \n1. Tylenol as needed.\n2. Colace b.i.d.\n",
                        List.of("acetaminophen", "docusate")),
                // a mineral alone in a list is the supplement (GUIDELINE.md); in a lab section it is a value
                Arguments.of("HOME MEDICATIONS:\nLasix\nPotassium\n", List.of("furosemide", "potassium")),
                Arguments.of("Medications\nLasix 20 mg daily\n", List.of("furosemide")),
                Arguments.of("medications: metformin", List.of("metformin")),
                Arguments.of("MEDICATIONS ON ADMISSION:  \n1. Aspirin 325 mg once a day.\n", List.of("aspirin")),
                Arguments.of(
                        "PROCEDURE\nLidocaine 1% was used and Marcaine was injected.\n\nPLAN: Start Keflex 500 mg q.i.d.",
                        List.of("cephalexin")),
                Arguments.of("TECHNIQUE: 100 mL of Isovue-300 were given.\nIMPRESSION: Normal.", List.of()),
                Arguments.of(
                        "HISTORY OF PRESENT ILLNESS: She takes Synthroid 50 mcg daily.\nLABORATORY DATA: Potassium 3.9.",
                        List.of("levothyroxine")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("headings")
    void readsTranscriptionHeadingsWithOrWithoutColons(String note, List<String> expected) {
        assertThat(ingredients(note)).containsExactlyElementsOf(expected);
    }

    /** A dictated note wraps its lines near 70 characters; a wrapped sentence is still one sentence. */
    @ParameterizedTest(name = "[{index}]")
    @CsvSource(delimiter = '|', textBlock = """
            He is doing well with his asthma and allergies and he also takes Advair 250/50,\\nFlonase and Claritin as needed. | fluticasone
            The patient was given antibiotics in the emergency room and in the past had been\\nPlaced on Prozac by his doctor.  | NONE
            """)
    void readsAWrappedSentenceAsOne(String note, String expected) {
        var found = ingredients(note.replace("\\n", "\n"));
        if (expected.equals("NONE")) {
            assertThat(found).isEmpty();
        } else {
            assertThat(found).contains(expected);
        }
    }

    static Stream<Arguments> allergyPhrasings() {
        return Stream.of(
                Arguments.of("She had an adverse reaction to medication, as well as to the anesthesia.", List.of()),
                Arguments.of(
                        "Lipitor and Pravachol at higher doses caused myalgias.",
                        List.of("Lipitor|myalgias", "Pravachol|myalgias")),
                Arguments.of("Zetia caused myalgias.", List.of("Zetia|myalgias")),
                Arguments.of(
                        "It is listed that Toprol has caused shortness of breath.",
                        List.of("Toprol|shortness of breath")),
                Arguments.of("She is intolerant of codeine.", List.of("codeine|null")),
                Arguments.of("He had a reaction to Bactrim (rash).", List.of("Bactrim|rash")),
                Arguments.of("ALLERGIES: CEPHALOSPORINS AND SULFA.", List.of("CEPHALOSPORINS|null", "SULFA|null")),
                Arguments.of(
                        "ALLERGIES: Heparin agents, which cause thrombocytopenia.",
                        List.of("Heparin|thrombocytopenia")),
                Arguments.of(
                        "ALLERGIES: Phenergan, latex, pain meds and shellfish.",
                        List.of("Phenergan|null", "latex|null", "shellfish|null")),
                Arguments.of("CHIEF COMPLAINT AND/OR REACTION TO HOSPITALIZATION: Unresponsive.", List.of()),
                Arguments.of("MEDICATIONS/ALLERGIES: As above.", List.of()),
                Arguments.of("She has a number of allergies to different pain medications.", List.of()),
                Arguments.of(
                        "ALLERGIES: Phenergan, morphine, Flexeril, Keflex, Bactrim, general\nanesthetics, Benadryl, and pain meds.",
                        List.of(
                                "Phenergan|null",
                                "morphine|null",
                                "Flexeril|null",
                                "Keflex|null",
                                "Bactrim|null",
                                "general anesthetics|null",
                                "Benadryl|null")),
                Arguments.of("The urine culture grew E. coli, which was sensitive to Bactrim.", List.of()),
                // a substance ends where the circumstance begins: "when", "while", "during"
                Arguments.of("ALLERGIES: Hypaque dye when he had an IVP for his kidneys.", List.of("Hypaque|null")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("allergyPhrasings")
    void readsAllergiesAsKnownSubstances(String note, List<String> expected) {
        var allergies = extractor.extract(note).allergies().stream()
                .map(a -> a.substance() + "|" + a.reaction())
                .toList();

        assertThat(allergies).containsExactlyElementsOf(expected);
    }
}
