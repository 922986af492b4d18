package dev.chartroom.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The names the built-in extractor knows, lowercased: drugs (the DrugBank-derived
 * {@code extract/drug-names.txt.gz}, the FDA product names of {@code extract/fda-brands.txt.gz},
 * hand-written brand names and abbreviations) with the active ingredients each stands for, less the
 * names a note does not mean as a drug ({@code extract/not-drugs.txt}: "vitamin", herbs), and
 * non-drug allergens ({@code extract/allergens.txt}). Loaded from the classpath only.
 */
final class DrugLexicon {

    /** The most words a drug name in the lexicon has (the generator keeps at most three). */
    static final int MAX_WORDS = 3;

    private static final Pattern COMBINATION = Pattern.compile("\\s*(?:/|\\+|;|\\band\\b|\\bwith\\b|-)\\s*");

    private final Set<String> drugs;
    private final Set<String> allergens;
    private final Map<String, List<String>> ingredients;

    DrugLexicon(Set<String> drugs, Set<String> allergens) {
        this(drugs, allergens, Map.of());
    }

    DrugLexicon(Set<String> drugs, Set<String> allergens, Map<String, List<String>> ingredients) {
        this.drugs = Set.copyOf(drugs);
        this.allergens = Set.copyOf(allergens);
        this.ingredients = Map.copyOf(ingredients);
    }

    /** The lexicon that ships in the jar, read once and shared (it is immutable). */
    static DrugLexicon shipped() {
        return Shipped.LEXICON;
    }

    private static final class Shipped {
        static final DrugLexicon LEXICON = load();
    }

    /** The lexicon that ships in the jar, read afresh. */
    static DrugLexicon load() {
        return load(true);
    }

    /** The shipped lexicon, with or without the FDA product names. */
    static DrugLexicon load(boolean products) {
        var drugs = new HashSet<String>(40_000);
        read("extract/drug-names.txt.gz", true, drugs::add);
        read("extract/extra-names.txt", false, drugs::add);
        var ingredients = new HashMap<String, List<String>>(16_384);
        if (products) {
            read("extract/fda-brands.txt.gz", true, line -> {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    String name = line.substring(0, tab);
                    drugs.add(name);
                    // written the one way strict matching reads them ("nitrofurantoin macrocrystalline" is
                    // nitrofurantoin)
                    List<String> parts = Stream.of(line.substring(tab + 1).split("; "))
                            .map(Ingredients::base)
                            .distinct()
                            .sorted()
                            .toList();
                    // a product listed under one of its generics ("HYDROCODONE" for hydrocodone and ibuprofen)
                    // does not make that generic a combination: the generic stands for itself
                    if (parts.size() == 1 || !parts.contains(Ingredients.base(name))) {
                        ingredients.put(name, parts);
                    }
                }
            });
        }
        // the hand-written brands are read last: where they differ from FDA's they say what a note means
        read("extract/brand-names.txt", false, line -> {
            int equals = line.indexOf('=');
            String name = line.substring(0, equals).strip();
            drugs.add(name);
            ingredients.put(name, split(line.substring(equals + 1)));
        });
        // and what the vocabularies list that a note does not mean as a drug goes last of all
        read("extract/not-drugs.txt", false, name -> {
            drugs.remove(name);
            ingredients.remove(name);
        });
        var allergens = new HashSet<String>();
        read("extract/allergens.txt", false, allergens::add);
        return new DrugLexicon(drugs, allergens, ingredients);
    }

    /** Whether {@code name} (any case, single spaces) is a drug name. */
    boolean isDrug(String name) {
        return drugs.contains(name.toLowerCase(Locale.ROOT));
    }

    /** Whether {@code name} is a drug or another known allergen (peanuts, latex, sulfa). */
    boolean isAllergen(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        return allergens.contains(key) || drugs.contains(key);
    }

    /** Whether {@code name} is a product name that is not also a generic ingredient ("Lortab", not "lisinopril"). */
    boolean isBrand(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        List<String> found = ingredients.get(key);
        return found != null && !found.equals(List.of(Ingredients.base(key)));
    }

    /**
     * The active ingredients {@code name} stands for, sorted: a brand's from the lexicon, a generic
     * name's its own without the salt, a combination's ("amoxicillin/clavulanate") its parts'.
     */
    List<String> ingredients(String name) {
        String key = name.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        List<String> known = ingredients.get(key);
        if (known != null) {
            return known;
        }
        if (isDrug(key)) {
            // one name, hyphenated or with its salt ("Depo-Medrol", "metoprolol tartrate"), is one drug
            return List.of(Ingredients.base(key));
        }
        var parts = new TreeSet<String>();
        for (String part : COMBINATION.split(key)) {
            if (!part.isEmpty()) {
                parts.addAll(ingredients.getOrDefault(part, List.of(Ingredients.base(part))));
            }
        }
        return List.copyOf(parts);
    }

    int size() {
        return drugs.size();
    }

    private static List<String> split(String ingredients) {
        var parts = new TreeSet<String>();
        for (String part : COMBINATION.split(ingredients.strip())) {
            if (!part.isBlank()) {
                parts.add(Ingredients.base(part));
            }
        }
        return new ArrayList<>(parts);
    }

    private static void read(String resource, boolean gzipped, Consumer<String> into) {
        try (InputStream raw = DrugLexicon.class.getClassLoader().getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            InputStream in = gzipped ? new GZIPInputStream(raw) : raw;
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    into.accept(entry.toLowerCase(Locale.ROOT).replaceAll("[ ]+", " "));
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + resource, ex);
        }
    }
}
