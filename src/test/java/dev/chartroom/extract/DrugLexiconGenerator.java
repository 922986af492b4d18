package dev.chartroom.extract;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Builds {@code src/main/resources/extract/drug-names.txt.gz}, the drug lexicon the built-in
 * extractor ships, from the DrugBank Open Data vocabulary (CC0): its "Common name" column and
 * its {@code " | "}-separated "Synonyms". Only this derived list ships; the CSV is never read
 * at run time.
 *
 * <p>Run from the project root with any JDK 17+ (a single-file program, JDK classes only):
 * <pre>
 * java src/test/java/dev/chartroom/extract/DrugLexiconGenerator.java \
 *     src/test/resources/shared-data/drug-lexicons/drugbank_vocabulary.csv \
 *     src/main/resources/extract/drug-names.txt.gz
 * </pre>
 *
 * <p>Kept: lowercased names of 5 to 40 characters, at most three words, letters first, made of
 * letters, digits, spaces and hyphens. Dropped: research codes ({@code abt-737}), Latin and
 * Romance spellings of the common name ({@code bivalirudinum}, {@code bivalirudina}), and
 * {@link #COMMON_WORDS} that would read as drugs in ordinary prose.
 */
public final class DrugLexiconGenerator {

    private static final Pattern SHAPE = Pattern.compile("[a-z][a-z0-9 \\-]{3,38}[a-z0-9]");
    private static final Pattern RESEARCH_CODE = Pattern.compile("[a-z]{1,6}[- ]?\\d[\\d\\-]*[a-z]?");
    private static final List<String> FOREIGN_ENDINGS = List.of("um", "a", "e", "o", "as", "os");

    /** DrugBank entries that are everyday words first and drugs rarely. */
    static final Set<String> COMMON_WORDS = Set.of(
            "water",
            "alcohol",
            "ethanol",
            "oxygen",
            "air",
            "salt",
            "sugar",
            "glucose",
            "sucrose",
            "tobacco",
            "nicotine",
            "caffeine",
            "coffee",
            "tea",
            "milk",
            "honey",
            "iron",
            "gold",
            "silver",
            "copper",
            "lead",
            "zinc",
            "tin",
            "carbon",
            "nitrogen",
            "hydrogen",
            "helium",
            "sodium",
            "chloride",
            "potassium",
            "calcium",
            "magnesium",
            "cholesterol",
            "protein",
            "collagen",
            "urea",
            "histamine",
            "dopamine",
            "serotonin",
            "insulin resistance",
            "cocaine",
            "cannabis",
            "marijuana",
            "heroin",
            "food",
            "yeast",
            "corn",
            "rice",
            "wheat",
            "soy",
            "fish",
            "egg",
            "eggs",
            "peanut",
            "peanuts",
            "shellfish",
            "latex",
            "pollen",
            "dust",
            "mold",
            "cat",
            "dog",
            "bee",
            "venom",
            "plan",
            "rest",
            "ice",
            "heat",
            "light",
            "sun",
            "fluid",
            "fluids",
            "blood",
            "plasma",
            "saline",
            "acid",
            "base",
            "oil",
            "fat",
            "fiber",
            "stool",
            "urine",
            "bile",
            "mucus",
            "sleep",
            "exercise",
            "diet",
            "weight",
            "pain",
            "fever",
            "cold",
            "flu",
            "gas",
            "dye",
            "contrast",
            "iodine",
            "chlorine",
            "ozone",
            "tar",
            "wax",
            "soap",
            "vinegar",
            "lactose",
            "fructose",
            "gluten",
            "starch",
            "cellulose",
            // foods, plants and animals DrugBank lists as allergenic extracts, and plain English words
            "apple",
            "almond",
            "banana",
            "barley",
            "basil",
            "carrot",
            "cashew",
            "celery",
            "cherry",
            "cocoa",
            "cotton",
            "garlic",
            "ginger",
            "grape",
            "lemon",
            "lentil",
            "mango",
            "olive",
            "onion",
            "orange",
            "oyster",
            "papaya",
            "peach",
            "pecan",
            "pecans",
            "potato",
            "rabbit",
            "radish",
            "salmon",
            "shrimp",
            "squash",
            "tomato",
            "trout",
            "turkey",
            "turnip",
            "wasabi",
            "chalk",
            "amber",
            "pearl",
            "nutmeg",
            "fennel",
            "cloves",
            "clove",
            "cumin",
            "thyme",
            "goose",
            "perch",
            "smelt",
            "snail",
            "quahog",
            "pumice",
            "talc",
            "silica",
            "primus",
            "sequel",
            "tirade",
            "patrol",
            "merlin",
            "cosmos",
            "osprey",
            "tetris",
            "endura",
            "remune",
            "indigo",
            "lambda",
            "flours",
            "casein",
            "caviar",
            "yeasts",
            "kaolin",
            "henna",
            "rosin",
            "rayon",
            "borax",
            "myrrh",
            "opium",
            "arnica",
            "ginkgo",
            "senega",
            // lab analytes, materials and words that transcriptions use in lower case far more often than as drugs
            "creatinine",
            "hemoglobin",
            "monitor",
            "balance",
            "titanium",
            "sulfate",
            "gadolinium",
            "dimension",
            "phosphate",
            "phosphorus",
            "phenol",
            "chocolate",
            "capture",
            "prothrombin",
            "carbonate",
            "ammonia",
            "acetate",
            "nitrate",
            "nitrates",
            "chicken",
            "fibrin",
            "formalin",
            "thyroglobulin",
            "thrombin",
            "fibrinogen",
            "cortisol",
            "nitrite",
            "mushroom",
            "creatine",
            "barium",
            "albumin",
            "bilirubin",
            "ferritin",
            "transferrin",
            "troponin",
            "lactate",
            "hematocrit",
            "platelet",
            "platelets",
            "cement",
            "silicone",
            "platinum",
            "steel",
            "nylon",
            "glycerin",
            "petrolatum",
            "lipase",
            "amylase",
            "bicarbonate");

    private DrugLexiconGenerator() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: DrugLexiconGenerator <drugbank_vocabulary.csv> <drug-names.txt.gz>");
            System.exit(2);
        }
        Set<String> names = names(Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8));
        try (Writer out = new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(Path.of(args[1]))), StandardCharsets.UTF_8)) {
            out.write("# Drug names derived from the DrugBank Open Data vocabulary (CC0); see DrugLexiconGenerator.\n");
            for (String name : names) {
                out.write(name);
                out.write('\n');
            }
        }
        System.out.println(names.size() + " names written to " + args[1]);
    }

    /** The lexicon entries for the CSV's lines (the first line is its header). */
    static Set<String> names(List<String> lines) {
        List<String> header = fields(lines.get(0));
        int common = header.indexOf("Common name");
        int synonyms = header.indexOf("Synonyms");
        var names = new TreeSet<String>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> row = fields(line);
            String base = normalize(row.get(common));
            add(names, base, base);
            if (synonyms < row.size()) {
                for (String synonym : row.get(synonyms).split(" \\| ")) {
                    add(names, normalize(synonym), base);
                }
            }
        }
        return names;
    }

    private static void add(Set<String> names, String name, String base) {
        if (!SHAPE.matcher(name).matches()
                || name.split(" ").length > 3
                || RESEARCH_CODE.matcher(name).matches()
                || COMMON_WORDS.contains(name)
                || isForeignSpelling(name, base)) {
            return;
        }
        names.add(name);
    }

    private static boolean isForeignSpelling(String name, String base) {
        if (name.equals(base)) {
            return false;
        }
        for (String ending : FOREIGN_ENDINGS) {
            if (name.endsWith(ending)) {
                String stem = name.substring(0, name.length() - ending.length());
                if (stem.length() >= base.length() - 2 && base.startsWith(stem)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String normalize(String value) {
        return value.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** One CSV line's fields: comma-separated, double quotes around fields holding commas or quotes. */
    static List<String> fields(String line) {
        var fields = new ArrayList<String>();
        var field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
