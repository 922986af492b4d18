package dev.chartroom.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DrugLexiconTests {

    private static final DrugLexicon lexicon = DrugLexicon.load();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "metformin",
                "lisinopril",
                "atorvastatin",
                "Warfarin",
                "fluticasone",
                "salmeterol",
                "amoxicillin",
                "clavulanate",
                "levothyroxine",
                "insulin glargine",
                "penicillin",
                "Lipitor",
                "ADVAIR",
                "tylenol",
                "coumadin",
                "zoloft",
                "lasix",
                "synthroid",
                "norvasc",
                "glucophage"
            })
    void knowsCommonDrugsAndBrands(String name) {
        assertThat(lexicon.isDrug(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"water", "alcohol", "oxygen", "sugar", "patient", "daily", "nkda", "garlic", "orange"})
    void everydayWordsAreNotDrugs(String word) {
        assertThat(lexicon.isDrug(word)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"peanuts", "shellfish", "latex", "bee stings", "sulfa", "penicillin"})
    void knowsNonDrugAllergens(String name) {
        assertThat(lexicon.isAllergen(name)).isTrue();
    }

    @Test
    void theShippedLexiconIsLargeButCompact() {
        assertThat(lexicon.size()).isBetween(15_000, 40_000);
        assertThat(DrugLexicon.class.getClassLoader().getResource("extract/drug-names.txt.gz"))
                .isNotNull();
    }

    @Test
    void theGeneratorKeepsUsefulNamesAndDropsNoise() {
        var names = DrugLexiconGenerator.names(List.of(
                "DrugBank ID,Accession Numbers,Common name,CAS,UNII,Synonyms,Standard InChI Key",
                "DB1,A,Bivalirudin,1,U,Bivalirudin | Bivalirudina | Bivalirudinum | Hirulog,",
                "DB2,B,Metformin,2,V,\"Metformin | 1,1-Dimethylbiguanide | Metformina\",",
                "DB3,C,Water,3,W,Aqua | Water | Aquae,",
                "DB4,D,Example,4,X,ABT-737 | A very long chemical name with many words in it,"));

        assertThat(names).containsExactlyInAnyOrder("bivalirudin", "hirulog", "metformin", "aquae", "example");
    }

    @Test
    void theShippedLexiconMatchesTheGenerator() throws IOException {
        Path source = dev.chartroom.support.TestFiles.SHARED_DATA.resolve("drug-lexicons/drugbank_vocabulary.csv");

        var generated = DrugLexiconGenerator.names(Files.readAllLines(source, StandardCharsets.UTF_8));
        // what not-drugs.txt takes out ("vitamin", herbs) is the one difference
        List<String> notDrugs;
        try (var in = DrugLexicon.class.getClassLoader().getResourceAsStream("extract/not-drugs.txt")) {
            notDrugs = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(String::strip)
                    .toList();
        }

        assertThat(generated).filteredOn(name -> !notDrugs.contains(name)).allMatch(lexicon::isDrug);
        assertThat(notDrugs).noneMatch(lexicon::isDrug);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            # name                        | ingredients
            Lortab                        | acetaminophen, hydrocodone
            Darvocet-N                    | acetaminophen, propoxyphene
            Augmentin XR                  | amoxicillin, clavulanate
            Pulmicort Respules            | budesonide
            Pulmicort                     | budesonide
            Depo-Medrol                   | methylprednisolone
            Solu-Medrol                   | methylprednisolone
            metoprolol tartrate           | metoprolol
            amoxicillin/clavulanate       | amoxicillin, clavulanate
            lisinopril                    | lisinopril
            Penicillin                    | penicillin
            Klor-Con                      | potassium chloride
            """)
    void knowsWhatABrandOrGenericIsMadeOf(String name, String ingredients) {
        assertThat(lexicon.ingredients(name)).containsExactly(ingredients.split(", "));
    }

    @Test
    void theBrandGeneratorReadsSuffixesAndKeepsHyphenatedNamesWhole() {
        var names = BrandLexiconGenerator.names(List.of(
                "ApplNo\tProductNo\tForm\tStrength\tReferenceDrug\tDrugName\tActiveIngredient\tReferenceStandard",
                "1\t1\tTABLET\t500MG\t0\tAUGMENTIN '500'\tAMOXICILLIN; CLAVULANATE POTASSIUM\t0",
                "2\t1\tTABLET\t100MG\t0\tDARVOCET-N 100\tACETAMINOPHEN; PROPOXYPHENE NAPSYLATE\t0",
                "3\t1\tSUSPENSION\t0.5MG\t0\tPULMICORT RESPULES\tBUDESONIDE\t0",
                "4\t1\tINJECTION\t40MG\t0\tDEPO-MEDROL\tMETHYLPREDNISOLONE ACETATE\t0",
                "5\t1\tTABLET\t1MG\t0\tPENICILLIN G POTASSIUM\tPENICILLIN G POTASSIUM\t0",
                "6\t1\tTABLET\t1MG\t0\tTODAY\tNONOXYNOL-9\t0"));

        assertThat(names)
                .containsEntry("augmentin", "amoxicillin; clavulanate")
                .containsEntry("darvocet-n 100", "acetaminophen; propoxyphene")
                .containsEntry("darvocet-n", "acetaminophen; propoxyphene")
                .containsEntry("pulmicort respules", "budesonide")
                .containsEntry("pulmicort", "budesonide")
                .containsEntry("depo-medrol", "methylprednisolone")
                .doesNotContainKeys("depo", "penicillin", "today");
    }

    @Test
    void theShippedBrandsMatchTheGenerator() throws IOException {
        // A sample of the FDA rows the shipped lexicon was generated from (every 50th), kept in the repository.
        List<String> rows;
        try (var in = DrugLexiconTests.class.getResourceAsStream("/shared-data/drug-brands-fda/Products-sample.txt")) {
            rows = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)
                    .lines()
                    .toList();
        }

        var generated = BrandLexiconGenerator.names(rows);

        assertThat(generated).hasSizeGreaterThan(500);
        // A stem (MYTREX of MYTREX A) is listed only when every product of that stem has the same
        // ingredients, which a sample cannot tell; every other name must be in the shipped lexicon.
        List<String> products = rows.stream()
                .skip(1)
                .map(row -> row.split("\t")[5].toLowerCase(java.util.Locale.ROOT))
                .toList();
        assertThat(generated.keySet())
                .allMatch(name -> lexicon.isDrug(name)
                        || products.stream()
                                .anyMatch(product -> product.startsWith(name + " ") || product.startsWith(name + "-")));
    }

    @Test
    void theDeidentifiersNamesLeaveOutProductNamesThatAreGivenNames() {
        assertThat(DrugLexicon.load().isDrug("camila")).isTrue();
        assertThat(DrugNames.contains("Camila")).isFalse();
        assertThat(DrugNames.contains("lisinopril")).isTrue();
    }
}
