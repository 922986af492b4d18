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
    @ValueSource(strings = {"metformin", "lisinopril", "atorvastatin", "Warfarin", "fluticasone", "salmeterol",
            "amoxicillin", "clavulanate", "levothyroxine", "insulin glargine", "penicillin", "Lipitor", "ADVAIR",
            "tylenol", "coumadin", "zoloft", "lasix", "synthroid", "norvasc", "glucophage"})
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
        assertThat(DrugLexicon.class.getClassLoader().getResource("extract/drug-names.txt.gz")).isNotNull();
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

        assertThat(generated).allMatch(lexicon::isDrug);
    }
}
