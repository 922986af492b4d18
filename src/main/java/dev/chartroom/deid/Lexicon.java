package dev.chartroom.deid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The word lists the de-identifier reads: given and family names, names that are also words,
 * places smaller than a state, states, and clinical words that look like names (eponyms, brands).
 * Lookups are case-insensitive.
 */
final class Lexicon {

    private final Set<String> givenNames;
    private final Set<String> familyNames;
    private final Set<String> ordinaryWords;
    private final Set<String> places;
    private final Set<String> placeStarts;
    private final Set<String> states;
    private final Set<String> stateCodes;
    private final Set<String> clinicalNames;
    private final Predicate<String> drug;

    private Lexicon(Predicate<String> drug) {
        var given = new HashSet<>(words("deid/first-names.txt"));
        given.addAll(words("deid/more-first-names.txt"));
        this.givenNames = Set.copyOf(given);
        this.familyNames = words("deid/last-names.txt");
        this.ordinaryWords = words("deid/common-words.txt");
        this.clinicalNames = words("deid/eponyms.txt");
        this.places = lines("deid/places.txt");
        this.placeStarts = new HashSet<>();
        for (String place : places) {
            int cut = 0;
            while (cut < place.length() && " \t,".indexOf(place.charAt(cut)) < 0) {
                cut++;
            }
            placeStarts.add(place.substring(0, cut));
        }
        this.states = new HashSet<>();
        this.stateCodes = new HashSet<>();
        for (String line : lines("deid/states.txt")) {
            int space = line.lastIndexOf(' ');
            states.add(line.substring(0, space));
            stateCodes.add(line.substring(space + 1).toUpperCase(Locale.ROOT));
        }
        this.drug = drug;
    }

    /** @param drug whether a word (lowercase) is a drug or allergen name, which is never removed as a name */
    static Lexicon load(Predicate<String> drug) {
        return new Lexicon(drug);
    }

    boolean isGivenName(String word) {
        return givenNames.contains(key(word));
    }

    boolean isFamilyName(String word) {
        return familyNames.contains(key(word));
    }

    boolean isName(String word) {
        return isGivenName(word) || isFamilyName(word);
    }

    /** A name that is also an ordinary word (Rose, Hope, Young): a name only in company. */
    boolean isOrdinaryWord(String word) {
        return ordinaryWords.contains(key(word));
    }

    boolean isPlace(String words) {
        return places.contains(key(words));
    }

    /** Whether a place of the lexicon begins with this word (followed by a space, tab or comma, or nothing). */
    boolean isPlaceStart(String word) {
        return placeStarts.contains(key(word));
    }

    /** A state's name (any case) or its postal code (capitals only: "IN" is Indiana, "in" is not). */
    boolean isState(String words) {
        return states.contains(key(words)) || stateCodes.contains(words);
    }

    /** An eponym, brand or other clinical word that looks like a name, or any drug name. */
    boolean isClinical(String word) {
        return isClinicalKey(key(word));
    }

    /** A given or family name that is not also a clinical word ({@link #isName} and not {@link #isClinical}). */
    boolean isNameOnly(String word) {
        String key = key(word);
        return (givenNames.contains(key) || familyNames.contains(key)) && !isClinicalKey(key);
    }

    private boolean isClinicalKey(String key) {
        return clinicalNames.contains(key) || key.length() > 2 && drug.test(key);
    }

    private static String key(String word) {
        return word.toLowerCase(Locale.ROOT).replace('’', '\'');
    }

    private static Set<String> words(String resource) {
        var words = new HashSet<String>();
        for (String line : lines(resource)) {
            for (String word : line.split("\\s+")) {
                words.add(word);
            }
        }
        return Set.copyOf(words);
    }

    private static Set<String> lines(String resource) {
        var lines = new HashSet<String>();
        try (InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    lines.add(key(entry));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return lines;
    }
}
