package dev.chartroom.extract;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Builds {@code src/main/resources/extract/fda-brands.txt.gz}: US trade and generic product names
 * with their active ingredients, from FDA Drugs@FDA {@code Products.txt} (public domain, 17 U.S.C.
 * § 105; see {@code shared/data/drug-brands-fda/README.md}). Only this derived list ships.
 *
 * <p>Run from the project root with any JDK 17+ (a single-file program, JDK classes only):
 * <pre>
 * java src/test/java/dev/chartroom/extract/BrandLexiconGenerator.java \
 *     ../shared/data/drug-brands-fda/Products.txt src/main/resources/extract/fda-brands.txt.gz
 * </pre>
 *
 * <p>Each line is {@code name<TAB>ingredient; ingredient}, lowercased, ingredients without their
 * salt ({@link Ingredients#base}). A product written with a strength or form suffix
 * ({@code AUGMENTIN '500'}, {@code DARVOCET-N 100}, {@code PULMICORT RESPULES}) is also listed under
 * its stem ({@code augmentin}, {@code darvocet-n}, {@code pulmicort}) when every product of that
 * stem has the same ingredients, so a note's "Augmentin XR" or "Pulmicort" is found. Hyphenated
 * names stay whole. Names that are ordinary words ({@link #ORDINARY_WORDS}) are left out.
 */
public final class BrandLexiconGenerator {

    /** Product names that read as everyday or clinical words in a note. */
    static final Set<String> ORDINARY_WORDS = Set.of(
            "today",
            "thrive",
            "pre-op",
            "beta-2",
            "sterile water",
            "balanced salt",
            "sterile",
            "water",
            "saline",
            "oxygen",
            "nitrogen",
            "air",
            "plan b",
            "all day",
            "complete",
            "clear",
            "relief",
            "focus",
            "balance",
            "restore",
            "advance",
            "duet",
            "care",
            "natural",
            "prevident",
            "control",
            "regular",
            "ready",
            "alcohol",
            "glucose",
            "dextrose",
            "heparin lock flush",
            "lactated ringer's",
            "ringer's",
            "sodium chloride",
            "contrast",
            "barium",
            "iodine",
            "talc",
            "nitric oxide",
            "helium",
            "xenon",
            "carbon dioxide",
            "ammonia",
            "urea",
            "lactose",
            "sucrose",
            "mannitol",
            "plan",
            "cold",
            "pediatric",
            "beta",
            "cardioplegic",
            "compound",
            "monitor",
            "cement",
            "prep",
            "bowel prep",
            "scrub",
            "wash",
            "cleanser",
            "flush",
            "lock");

    /** Words after a product name that only say which strength or form it is. */
    private static final Pattern SUFFIX = Pattern.compile("(?:\\s+(?:'[^']*'|\\d[\\d.,/%]*\\w*|[a-z]{1,3}|"
            + "respules|flexhaler|turbuhaler|diskus|hfa|inhaler|rotacaps|kwikpen|flexpen|flextouch|pen|solostar|"
            + "pfs|lyophilized|preservative free|in plastic container|injection|tablets?|capsules?|suspension|"
            + "solution|syrup|elixir|drops|ointment|cream|gel|lotion|patch|chewable|kit|pak|dospak|dosepak|"
            + "forte|plus|extra|strength|maximum|junior|pediatric|infant|children's|adult|retard|depot|"
            + "sprinkle|xr|er|sr|cr|la|xl|cd|ds|hct|odt|toc|tr|ec|dr|xt|sa|(?:\\(.*\\)))|\\s*[-/]\\s*\\d.*)+$");

    private static final Pattern SHAPE = Pattern.compile("[a-z][a-z0-9 '\\-.]{2,40}");

    private BrandLexiconGenerator() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: BrandLexiconGenerator <Products.txt> <fda-brands.txt.gz>");
            System.exit(2);
        }
        Map<String, String> names = names(Files.readAllLines(Path.of(args[0]), StandardCharsets.ISO_8859_1));
        try (Writer out = new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(Path.of(args[1]))), StandardCharsets.UTF_8)) {
            out.write(
                    "# Product names and ingredients from FDA Drugs@FDA (public domain); see BrandLexiconGenerator.\n");
            for (var entry : names.entrySet()) {
                out.write(entry.getKey() + "\t" + entry.getValue() + "\n");
            }
        }
        System.out.println(names.size() + " names written to " + args[1]);
    }

    /** Name to {@code "; "}-joined base ingredients, for the tab-separated lines after the header. */
    static Map<String, String> names(List<String> lines) {
        List<String> header = List.of(lines.get(0).split("\t"));
        int drugName = header.indexOf("DrugName");
        int ingredient = header.indexOf("ActiveIngredient");
        var exact = new TreeMap<String, Set<String>>();
        var stems = new HashMap<String, Set<String>>();
        for (String line : lines.subList(1, lines.size())) {
            String[] row = line.split("\t");
            if (row.length <= Math.max(drugName, ingredient)) {
                continue;
            }
            String name = normalize(row[drugName]);
            String ingredients = ingredients(row[ingredient]);
            if (!SHAPE.matcher(name).matches() || ingredients.isEmpty()) {
                continue;
            }
            exact.computeIfAbsent(name, k -> new TreeSet<>()).add(ingredients);
            String stem = SUFFIX.matcher(name).replaceFirst("").strip();
            // only a brand gets its stem: "penicillin g potassium" does not make "penicillin" mean it
            if (!stem.equals(name) && stem.length() >= 4 && !ingredients.equals(Ingredients.base(name))) {
                stems.computeIfAbsent(stem, k -> new TreeSet<>()).add(ingredients);
            }
        }
        var names = new TreeMap<String, String>();
        exact.forEach((name, sets) -> {
            // "HUMULIN R" lists insulin human and insulin recombinant human: the shortest reads best
            String chosen = sets.stream()
                    .min((a, b) -> Integer.compare(a.length(), b.length()))
                    .orElseThrow();
            put(names, name, chosen);
        });
        stems.forEach((stem, sets) -> {
            if (sets.size() == 1 && !names.containsKey(stem)) {
                put(names, stem, sets.iterator().next());
            }
        });
        return names;
    }

    private static void put(Map<String, String> names, String name, String ingredients) {
        String clean = name.replaceAll("'[^']*'", "").replaceAll("\\s+", " ").strip();
        if (clean.length() >= 4 && !ORDINARY_WORDS.contains(clean)) {
            names.putIfAbsent(clean, ingredients);
        }
    }

    private static String ingredients(String field) {
        var bases = new TreeSet<String>();
        for (String part : field.split(";")) {
            String base = Ingredients.base(normalize(part));
            if (!base.isEmpty()) {
                bases.add(base);
            }
        }
        return String.join("; ", bases);
    }

    private static String normalize(String value) {
        return value.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
