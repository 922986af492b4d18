package dev.chartroom.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The names the built-in extractor knows, lowercased: drugs (the DrugBank-derived
 * {@code extract/drug-names.txt.gz}, hand-written brand names and abbreviations) and non-drug
 * allergens ({@code extract/allergens.txt}). Loaded from the classpath only.
 */
final class DrugLexicon {

    /** The most words a drug name in the lexicon has (the generator keeps at most three). */
    static final int MAX_WORDS = 3;

    private final Set<String> drugs;
    private final Set<String> allergens;

    DrugLexicon(Set<String> drugs, Set<String> allergens) {
        this.drugs = Set.copyOf(drugs);
        this.allergens = Set.copyOf(allergens);
    }

    /** The lexicon that ships in the jar. */
    static DrugLexicon load() {
        var drugs = new HashSet<String>(32_768);
        read("extract/drug-names.txt.gz", true, drugs);
        read("extract/extra-names.txt", false, drugs);
        var brands = new HashSet<String>();
        read("extract/brand-names.txt", false, brands);
        brands.forEach(line -> drugs.add(line.substring(0, line.indexOf('=')).strip()));
        var allergens = new HashSet<String>();
        read("extract/allergens.txt", false, allergens);
        return new DrugLexicon(drugs, allergens);
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

    int size() {
        return drugs.size();
    }

    private static void read(String resource, boolean gzipped, Set<String> into) {
        try (InputStream raw = DrugLexicon.class.getClassLoader().getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            InputStream in = gzipped ? new GZIPInputStream(raw) : raw;
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    into.add(entry.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + resource, ex);
        }
    }
}
