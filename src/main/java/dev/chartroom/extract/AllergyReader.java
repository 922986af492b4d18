package dev.chartroom.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Allergies in a note: the lists of an allergy section ("penicillin (hives), sulfa - rash") and
 * phrasing anywhere ("allergic to X", "intolerant of X", "X allergy", "X and Y caused Z"). A
 * substance is always a known drug, drug class or allergen of the {@link DrugLexicon}, never a
 * stray phrase ("medication", "higher doses"); reactions are attached where written.
 */
final class AllergyReader {

    /** How far a list of allergy substances after "allergic to" is read. */
    private static final int LIST_WINDOW = 300;

    private static final int SUBSTANCE_LENGTH = 60;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    private static final Pattern NO_ALLERGIES = Pattern.compile("(?i)^\\W*(?:nkda|nka|nkfa|nkma|none|none known|"
            + "no known\\b.*|no (?:known )?(?:drug |medication |food )?allerg.*|denies\\b.*|n/?a|not known|unknown|"
            + "no|nil)\\W*$");
    private static final Pattern ALLERGY_PHRASE = Pattern.compile(
            "\\b(?:allergic|allergy|allergies|"
                    + "hypersensitivity|hypersensitive|sensitivity|sensitive|intolerant|intolerance|reactions?|reacts)"
                    + "\\s+(?:to|of|with)\\s+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ALLERGY_NOUN = Pattern.compile(
            "\\b(?:allergy|allergies|intolerance|sensitivity)\\b" + "(?!\\s+(?:to|of|with)\\b)",
            Pattern.CASE_INSENSITIVE);
    /** "sulfa drugs cause rash", "codeine gives her hives": a reaction caused by the words before. */
    private static final Pattern CAUSES = Pattern.compile(
            "\\b(?:causes?|caused|causing|gives?|gave)\\s+"
                    + "(?:(?:him|her|them|me|the patient|"
                    + "pt)\\s+)?(?:an?\\s+)?([A-Za-z][A-Za-z -]{1,40}?)\\s*(?=[.,;!?)]|$)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern CLASS_WORD =
            Pattern.compile("(?i)\\s*\\b(?:drugs?|medications?|meds|agents?|antibiotics?|"
                    + "products?|derivatives?|family|class|dyes?)\\s*$");
    private static final Pattern ALLERGY_NEGATION =
            // "NO SHRIMP, SEAFOOD, OR DYE ALLERGY": the negation covers a short list
            Pattern.compile("(?i)\\b(?:not|no|denies|denied|without|nkda)\\b" + "(?:[\\s,/]+\\w+){0,6}\\s*$");
    // a line feed ends a substance unless the line was wrapped inside it ("general\nanesthetics")
    private static final Pattern SUBSTANCE_END =
            Pattern.compile("(?i)\\(|\\)|,|;|:|\\n(?![ \\t]*(?-i:[a-z]))|[.!?](?=\\s|$)|\\s+(?:and|or|&)\\s+"
                    + "|\\s+[-–—]+\\s*|\\s+(?:which|that|causing|causes|caused|with|resulting|as|due|since|but|in|"
                    + "leading|gives|gave|for|from|because|after|when|while|during|before)\\b");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("(?i)^\\s*(?:,\\s*(?:and|or)?|and|or|&|/)\\s+");
    private static final Pattern REACTION_PAREN = Pattern.compile("^\\s*\\(([^()\\n]{1,60})\\)");
    private static final Pattern REACTION_SEPARATED = Pattern.compile(
            "^\\s*(?:[-–—:]+|->|→|=)\\s*([^,;()\\n]{1,60}?)" + "(?=\\s*(?:[,;()\\n]|[.!?](?:\\s|$)|$))");
    private static final Pattern REACTION_CLAUSE =
            Pattern.compile("(?i)^\\s*,?\\s*(?:(?:which|that)\\s+(?:all\\s+|both\\s+)?"
                    + "(?:causes?|caused|gives?|gave|results?\\s+in|resulted\\s+in|leads?\\s+to|led\\s+to)|causing|"
                    + "resulting\\s+in|"
                    + "leading\\s+to|with|manifest(?:ed|s|ing)?\\s+as)\\s+(?:(?:him|her|them|me)\\s+)?(?:an?\\s+)?"
                    + "([^,;.()\\n]{1,60})");
    private static final Set<String> NOT_A_REACTION = Set.of(
            "substance",
            "organism",
            "product",
            "disorder",
            "finding",
            "medication",
            "drug",
            "unknown",
            "food",
            "environmental");
    private static final Set<String> REACTIONS = Set.of(
            "hives",
            "rash",
            "swelling",
            "itching",
            "pruritus",
            "anaphylaxis",
            "nausea",
            "vomiting",
            "diarrhea",
            "angioedema",
            "wheezing",
            "urticaria",
            "dyspnea",
            "shortness of breath",
            "throat swelling",
            "cough",
            "headache",
            "dizziness",
            "flushing",
            "blisters");
    private static final Set<String> NOT_A_SUBSTANCE = Set.of(
            "reviewed",
            "updated",
            "verified",
            "see",
            "patient",
            "pt",
            "she",
            "he",
            "they",
            "confirmed",
            "no",
            "none",
            "denies",
            "the",
            "this",
            "that",
            "both",
            "all",
            "any",
            "seasonal",
            "environmental");
    private static final Pattern DETERMINER = Pattern.compile("(?i)^(?:the|a|an|his|her|their|some|all|any|iv)\\s+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern EDGES = Pattern.compile("^[\\s\\p{Punct}]+|[\\s.,;:\\-]+$");
    private static final Pattern ALLERGY_SUFFIX = Pattern.compile("(?i)\\s+(?:allergy|allergies)$");

    private final DrugLexicon lexicon;

    AllergyReader(DrugLexicon lexicon) {
        this.lexicon = lexicon;
    }

    /**
     * An allergy section: each line a list of substances with reactions, or a sentence; the
     * sentences are also handed to {@code prose} ("She takes Benadryl for it").
     */
    void list(String text, int from, int to, Map<String, Allergy> into, Consumer<int[]> prose) {
        for (int[] unit : TextUnits.units(text, from, to, TextUnits.LIST_BOUNDARY)) {
            int start = TextUnits.skipListMarker(text, unit[0], unit[1]);
            String content = text.substring(start, unit[1]);
            if (NO_ALLERGIES.matcher(content).matches()) {
                continue;
            }
            if (TextUnits.PROSE_START.matcher(content).find()
                    || ALLERGY_PHRASE.matcher(content).find()
                    || ALLERGY_NOUN.matcher(content).find()) {
                phrases(text, start, unit[1], into);
                prose.accept(new int[] {start, unit[1]});
                continue;
            }
            substances(text, start, unit[1], into);
        }
    }

    /** "allergic to X (hives) and Y", "X allergy - rash" anywhere in {@code text[from, to)}. */
    void phrases(String text, int from, int to, Map<String, Allergy> into) {
        for (int[] unit : TextUnits.units(text, from, to, TextUnits.PROSE_BOUNDARY)) {
            Matcher phrase = ALLERGY_PHRASE.matcher(text).region(unit[0], unit[1]);
            while (phrase.find()) {
                if (!negatedAllergy(text, unit[0], phrase.start())
                        && !MentionContext.susceptibility(text, unit[0], phrase.end())) {
                    substances(text, phrase.end(), unit[1], into);
                }
            }
            Matcher noun = ALLERGY_NOUN.matcher(text).region(unit[0], unit[1]);
            while (noun.find()) {
                allergyBefore(text, unit[0], noun, unit[1], into);
            }
            Matcher effect = CAUSES.matcher(text).region(unit[0], unit[1]);
            while (effect.find()) {
                allergyByEffect(text, unit[0], effect, into);
            }
        }
    }

    /**
     * "Sulfa drugs cause rash", "Lipitor and Pravachol at higher doses caused myalgias": the known
     * allergens just before the verb, and those joined to them by "and", "or" or commas.
     */
    private void allergyByEffect(String text, int unitStart, Matcher effect, Map<String, Allergy> into) {
        var tokens = new ArrayList<int[]>();
        Matcher t = TOKEN.matcher(text).region(Math.max(unitStart, effect.start() - 120), effect.start());
        while (t.find()) {
            tokens.add(new int[] {t.start(), t.end()});
        }
        var terms = new ArrayList<int[]>(); // read backwards from the verb
        int j = tokens.size() - 1;
        while (j >= 0 && terms.isEmpty()) {
            int words = knownEndingAt(text, tokens, j);
            if (words > 0) {
                if (tokens.get(j)[1] < effect.start() - CAUSE_REACH
                        || NOT_CAUSED
                                .matcher(text)
                                .region(tokens.get(j)[1], effect.start())
                                .find()) {
                    return;
                }
                terms.add(new int[] {tokens.get(j - words + 1)[0], tokens.get(j)[1]});
                j -= words;
            } else {
                j--;
            }
        }
        // the allergens before may be joined to the last by "and", "or" or commas
        while (j >= 0) {
            while (j >= 0
                    && JOINER.matcher(text.substring(tokens.get(j)[0], tokens.get(j)[1]))
                            .matches()) {
                j--;
            }
            int words = j < 0 ? 0 : knownEndingAt(text, tokens, j);
            if (words == 0
                    || !JOINED.matcher(text.substring(tokens.get(j)[1], terms.getLast()[0]))
                            .matches()) {
                break;
            }
            terms.add(new int[] {tokens.get(j - words + 1)[0], tokens.get(j)[1]});
            j -= words;
        }
        for (int[] term : terms.reversed()) {
            if (!negatedAllergy(text, unitStart, term[0])) {
                String written = text.substring(term[0], term[1]).replaceAll("\\s+", " ");
                String bare = CLASS_WORD.matcher(written).replaceAll("").strip();
                put(
                        !bare.isEmpty() && lexicon.isAllergen(bare) ? bare : written,
                        clean(effect.group(1)),
                        term[0],
                        effect.end(1),
                        into);
            }
        }
    }

    /** "Penicillin does not cause a rash" */
    private static final Pattern NOT_CAUSED = Pattern.compile("(?i)\\b(?:not|never|no|without|nor)\\b|n't");

    private static final Pattern COMBINED = Pattern.compile("\\s*/\\s*");
    /** How far before "caused" the last allergen may end: "Zetia at higher doses caused". */
    private static final int CAUSE_REACH = 30;

    private static final Pattern JOINER = Pattern.compile("(?i)and|or");
    private static final Pattern JOINED = Pattern.compile("(?i)\\s*(?:,|,?\\s*(?:and|or|&|/))\\s*");

    /** The number of tokens (up to three) ending at {@code j} that name a known allergen, or 0. */
    private int knownEndingAt(String text, List<int[]> tokens, int j) {
        for (int k = Math.min(3, j + 1); k >= 1; k--) {
            String words =
                    text.substring(tokens.get(j - k + 1)[0], tokens.get(j)[1]).replaceAll("\\s+", " ");
            if (lexicon.isAllergen(words)) {
                return k;
            }
        }
        return 0;
    }

    /**
     * The known drug, class or allergen a written substance names: itself, without a class word
     * ("heparin agents"), or the longest known term inside it; null for a stray phrase ("medication").
     */
    private String known(String substance) {
        if (lexicon.isAllergen(substance)) {
            return substance;
        }
        String[] parts = COMBINED.split(substance);
        if (parts.length > 1 && java.util.Arrays.stream(parts).allMatch(lexicon::isAllergen)) {
            return substance;
        }
        String bare = CLASS_WORD.matcher(substance).replaceAll("").strip();
        if (!bare.isEmpty() && lexicon.isAllergen(bare)) {
            return bare;
        }
        var tokens = new ArrayList<int[]>();
        Matcher t = TOKEN.matcher(substance);
        while (t.find()) {
            tokens.add(new int[] {t.start(), t.end()});
        }
        for (int k = Math.min(3, tokens.size()); k >= 1; k--) {
            for (int i = 0; i + k <= tokens.size(); i++) {
                String words = substance.substring(tokens.get(i)[0], tokens.get(i + k - 1)[1]);
                if (lexicon.isAllergen(words)) {
                    return words;
                }
            }
        }
        return null;
    }

    private static boolean negatedAllergy(String text, int unitStart, int at) {
        return ALLERGY_NEGATION
                .matcher(text)
                .region(Math.max(unitStart, at - 30), at)
                .find();
    }

    /** "penicillin allergy": the one to three words before the noun, when they name a known allergen. */
    private void allergyBefore(String text, int unitStart, Matcher noun, int unitEnd, Map<String, Allergy> into) {
        var tokens = new ArrayList<int[]>();
        Matcher t = TOKEN.matcher(text).region(Math.max(unitStart, noun.start() - 60), noun.start());
        while (t.find()) {
            tokens.add(new int[] {t.start(), t.end()});
        }
        if (tokens.isEmpty()
                || !text.substring(tokens.getLast()[1], noun.start()).isBlank()) {
            return;
        }
        for (int k = Math.min(3, tokens.size()); k >= 1; k--) {
            int start = tokens.get(tokens.size() - k)[0];
            int end = tokens.getLast()[1];
            String substance = text.substring(start, end).replaceAll("\\s+", " ");
            if (lexicon.isAllergen(substance)) {
                if (negatedAllergy(text, unitStart, start)) {
                    return;
                }
                String reaction = null;
                int spanEnd = end;
                Reaction r = reactionAt(text, noun.end(), unitEnd, true);
                if (r != null) {
                    reaction = r.text();
                    spanEnd = r.end();
                }
                put(substance, reaction, start, spanEnd, into);
                return;
            }
        }
    }

    /** A list of substances from {@code from}: "penicillin (hives), sulfa - rash and latex, which cause itching". */
    private void substances(String text, int from, int unitEnd, Map<String, Allergy> into) {
        int to = Math.min(unitEnd, from + LIST_WINDOW);
        int at = from;
        var found = new ArrayList<String>();
        while (at < to) {
            while (at < to && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            Matcher determiner = DETERMINER.matcher(text).region(at, to);
            if (determiner.lookingAt()) {
                at = determiner.end();
            }
            int limit = Math.min(to, at + SUBSTANCE_LENGTH);
            Matcher stop = SUBSTANCE_END.matcher(text).region(at, limit);
            int end = stop.find() ? stop.start() : limit;
            String substance = clean(text.substring(at, end));
            if (substance == null || substance.split(" ").length > 5) {
                break;
            }
            int start = at;
            at = end;
            String reaction = null;
            // "which cause hives" after a list belongs to every substance in it: read below
            Reaction r = reactionAt(text, at, to, false);
            if (r != null) {
                reaction = r.text();
                at = r.end();
            }
            String key = substance.toLowerCase(Locale.ROOT);
            if (REACTIONS.contains(key) && !found.isEmpty()) {
                appendReaction(found.getLast(), substance, into);
            } else if (!NOT_A_SUBSTANCE.contains(key.split(" ")[0])
                    && !NO_ALLERGIES.matcher(substance).matches()
                    && known(substance) != null) {
                String term = known(substance);
                put(term, reaction, start, at, into);
                found.add(term.toLowerCase(Locale.ROOT));
            }
            Matcher clause = REACTION_CLAUSE.matcher(text).region(at, to);
            if (clause.lookingAt()) {
                for (String earlier : found) {
                    Allergy allergy = into.get(earlier);
                    if (allergy != null && allergy.reaction() == null) {
                        into.put(earlier, new Allergy(allergy.substance(), clean(clause.group(1)), allergy.span()));
                    }
                }
                break;
            }
            Matcher separator = LIST_SEPARATOR.matcher(text).region(at, to);
            if (separator.lookingAt()) {
                at = separator.end();
                continue;
            }
            break;
        }
    }

    private static void appendReaction(String key, String reaction, Map<String, Allergy> into) {
        Allergy allergy = into.get(key);
        if (allergy != null) {
            String joined = allergy.reaction() == null ? reaction : allergy.reaction() + ", " + reaction;
            into.put(key, new Allergy(allergy.substance(), joined, allergy.span()));
        }
    }

    /** A reaction written right after a substance; text null for a category tag such as "(substance)". */
    private record Reaction(String text, int end) {}

    private static Reaction reactionAt(String text, int at, int to, boolean clause) {
        for (Pattern pattern : clause
                ? List.of(REACTION_PAREN, REACTION_SEPARATED, REACTION_CLAUSE)
                : List.of(REACTION_PAREN, REACTION_SEPARATED)) {
            Matcher m = pattern.matcher(text).region(at, to);
            if (m.lookingAt()
                    && clean(m.group(1)) != null
                    && !NOT_A_REACTION.contains(m.group(1).strip().toLowerCase(Locale.ROOT))) {
                return new Reaction(clean(m.group(1)), m.end());
            }
        }
        Matcher tag = REACTION_PAREN.matcher(text).region(at, to);
        if (tag.lookingAt()) {
            Reaction after = reactionAt(text, tag.end(), to, clause);
            return after != null ? after : new Reaction(null, tag.end());
        }
        return null;
    }

    private static void put(String substance, String reaction, int start, int end, Map<String, Allergy> into) {
        into.putIfAbsent(substance.toLowerCase(Locale.ROOT), new Allergy(substance, reaction, new Span(start, end)));
    }

    /** Whitespace collapsed, edges trimmed of spaces and punctuation; null when nothing is left. */
    private static String clean(String value) {
        String cleaned = WHITESPACE.matcher(value).replaceAll(" ");
        cleaned = EDGES.matcher(cleaned).replaceAll("");
        cleaned = ALLERGY_SUFFIX.matcher(cleaned).replaceAll("");
        return cleaned.isEmpty() || cleaned.chars().noneMatch(Character::isLetter) ? null : cleaned;
    }
}
