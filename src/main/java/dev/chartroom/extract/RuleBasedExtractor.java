package dev.chartroom.extract;

import dev.chartroom.text.LineFeeds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in, offline extractor: section-aware rules over a drug lexicon.
 *
 * <p>{@link Sections} cut the note. Inside a medication section ("Medications:", "CURRENT
 * MEDICATIONS") every drug named is a current medication unless its {@link MentionContext} says
 * otherwise ("held", "in the past", "Mother received"); elsewhere a drug counts when a cue says the
 * patient takes it ("taking", "on", "started", "for his rhinitis") or dosing follows it. Drugs of
 * procedure, laboratory and family-history sections are never the patient's medications. Each
 * medication carries its ingredients from the {@link DrugLexicon}. Allergies come from allergy
 * sections and from phrasing such as "allergic to X (hives)", "X allergy - rash" or "X caused Y";
 * a substance is always a known drug, class or allergen, and "NKDA" and the like give none.
 *
 * <p>Runs in time linear in the text: every look-around is bounded to a short window.
 */
final class RuleBasedExtractor implements ClinicalExtractor {

    /** How far after a drug name dosing is read. */
    private static final int SIG_WINDOW = 80;
    /** A line at least this long that ends without a full stop was wrapped by the transcriber, not ended. */
    private static final int WRAPPED_LINE = 55;
    /** How far a list of allergy substances after "allergic to" is read. */
    private static final int LIST_WINDOW = 300;
    private static final int SUBSTANCE_LENGTH = 60;

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    private static final Pattern LIST_ITEM = Pattern.compile("[ \\t]*(?:[-*•]|\\d{1,2}[.)])[ \\t]*");
    private static final Pattern PROSE_BOUNDARY = Pattern.compile("(?<![A-Za-z]\\.[A-Za-z])[.!?](?=\\s|$)|;|\\n[ \\t]*\\n"
            + "|\\n(?=[ \\t]*(?:[-*•]|\\d{1,2}[.)])[ \\t])|\\n(?=[ \\t]*[A-Z#])");
    private static final Pattern LIST_BOUNDARY = Pattern.compile("(?<![A-Za-z]\\.[A-Za-z])[.!?](?=\\s|$)|;|\\n");

    private static final Pattern UNKNOWN_DRUG = Pattern.compile("(?i)^(?:(?:take|taking|takes|continue|start|started|on)"
            + "\\s+)?([a-z][a-z\\-]{2,}(?:[ \\t]+[a-z][a-z\\-]{2,}){0,2}?)[ \\t]+(?=\\d+(?:\\.\\d+)?(?:/\\d+(?:\\.\\d+)?)?\\s*"
            + "(?:mg|mcg|g|ml|units?|puffs?|tabs?|tablets?|caps?|capsules?|day pack)\\b)");
    private static final Set<String> NOT_A_NAME = Set.of("patient", "pt", "she", "he", "they", "total", "dose",
            "take", "takes", "reviewed", "none", "no", "weight", "age", "and", "or", "the");

    private static final Set<String> SALTS = Set.of("hydrochloride", "hcl", "sodium", "potassium", "calcium",
            "magnesium", "succinate", "tartrate", "besylate", "maleate", "mesylate", "sulfate", "citrate", "fumarate",
            "acetate", "bromide", "hydrobromide", "propionate", "furoate", "xinafoate", "phosphate", "bitartrate",
            "dihydrate", "monohydrate", "trihydrate", "chloride");

    private static final Pattern NO_ALLERGIES = Pattern.compile("(?i)^\\W*(?:nkda|nka|nkfa|nkma|none|none known|"
            + "no known\\b.*|no (?:known )?(?:drug |medication |food )?allerg.*|denies\\b.*|n/?a|not known|unknown|"
            + "no|nil)\\W*$");
    private static final Pattern ALLERGY_PHRASE = Pattern.compile("\\b(?:allergic|allergy|allergies|"
            + "hypersensitivity|hypersensitive|sensitivity|sensitive|intolerant|intolerance|reactions?|reacts)"
            + "\\s+(?:to|of|with)\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern ALLERGY_NOUN = Pattern.compile("\\b(?:allergy|allergies|intolerance|sensitivity)\\b"
            + "(?!\\s+(?:to|of|with)\\b)", Pattern.CASE_INSENSITIVE);
    /** "sulfa drugs cause rash", "codeine gives her hives": a reaction caused by the words before. */
    private static final Pattern CAUSES = Pattern.compile("\\b(?:causes?|caused|causing|gives?|gave)\\s+"
            + "(?:(?:him|her|them|me|the patient|pt)\\s+)?(?:an?\\s+)?([A-Za-z][A-Za-z -]{1,40}?)\\s*(?=[.,;!?)]|$)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CLASS_WORD = Pattern.compile("(?i)\\s*\\b(?:drugs?|medications?|meds|agents?|antibiotics?|"
            + "products?|derivatives?|family|class)\\s*$");
    private static final Pattern ALLERGY_NEGATION = Pattern.compile("(?i)\\b(?:not|no|denies|denied|without|nkda)\\b"
            + "(?:\\s+\\w+){0,3}\\s*$");
    private static final Pattern SUBSTANCE_END = Pattern.compile("(?i)\\(|\\)|,|;|:|\\n|[.!?](?=\\s|$)|\\s+(?:and|or|&)\\s+"
            + "|\\s+[-–—]+\\s*|\\s+(?:which|that|causing|causes|caused|with|resulting|as|due|since|but|in|"
            + "leading|gives|gave|for|from|because|after)\\b");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("(?i)^\\s*(?:,\\s*(?:and|or)?|and|or|&|/)\\s+");
    private static final Pattern REACTION_PAREN = Pattern.compile("^\\s*\\(([^()\\n]{1,60})\\)");
    private static final Pattern REACTION_SEPARATED = Pattern.compile("^\\s*(?:[-–—:]+|->|→|=)\\s*([^,;()\\n]{1,60}?)"
            + "(?=\\s*(?:[,;()\\n]|[.!?](?:\\s|$)|$))");
    private static final Pattern REACTION_CLAUSE = Pattern.compile("(?i)^\\s*,?\\s*(?:(?:which|that)\\s+(?:all\\s+|both\\s+)?"
            + "(?:causes?|caused|gives?|gave|results?\\s+in|resulted\\s+in|leads?\\s+to|led\\s+to)|causing|resulting\\s+in|"
            + "leading\\s+to|with|manifest(?:ed|s|ing)?\\s+as)\\s+(?:(?:him|her|them|me)\\s+)?(?:an?\\s+)?"
            + "([^,;.()\\n]{1,60})");
    private static final Set<String> NOT_A_REACTION = Set.of("substance", "organism", "product", "disorder",
            "finding", "medication", "drug", "unknown", "food", "environmental");
    private static final Set<String> REACTIONS = Set.of("hives", "rash", "swelling", "itching", "pruritus",
            "anaphylaxis", "nausea", "vomiting", "diarrhea", "angioedema", "wheezing", "urticaria", "dyspnea",
            "shortness of breath", "throat swelling", "cough", "headache", "dizziness", "flushing", "blisters");
    private static final Set<String> NOT_A_SUBSTANCE = Set.of("reviewed", "updated", "verified", "see", "patient",
            "pt", "she", "he", "they", "confirmed", "no", "none", "denies", "the", "this", "that", "both", "all",
            "any", "seasonal", "environmental");
    private static final Pattern DETERMINER = Pattern.compile("(?i)^(?:the|a|an|his|her|their|some|all|any|iv)\\s+");
    private static final Pattern PROSE_START = Pattern.compile("(?i)^\\W*(?:she|he|they|patient|pt|the patient|"
            + "her|his|mother|father|also|takes|taking)\\b");

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern EDGES = Pattern.compile("^[\\s\\p{Punct}]+|[\\s.,;:\\-]+$");
    private static final Pattern ALLERGY_SUFFIX = Pattern.compile("(?i)\\s+(?:allergy|allergies)$");

    private final DrugLexicon lexicon;

    RuleBasedExtractor(DrugLexicon lexicon) {
        this.lexicon = lexicon;
    }

    @Override
    public Extraction extract(String given) {
        if (given == null || given.isBlank()) {
            return Extraction.empty(Extraction.BUILTIN);
        }
        // The rules read \n line ends; spans are mapped back to the text as given.
        LineFeeds lines = LineFeeds.of(given);
        String text = lines.text();
        var medications = new LinkedHashMap<String, Medication>();
        var allergies = new LinkedHashMap<String, Allergy>();
        for (Sections.Section section : Sections.of(text)) {
            switch (section.kind()) {
                case MEDICATIONS -> {
                    medications(text, section.start(), section.end(), Reading.LIST, medications);
                    allergyPhrases(text, section.start(), section.end(), allergies);
                }
                case ALLERGIES -> allergyList(text, section.start(), section.end(), allergies, medications);
                case OTHER -> {
                    medications(text, section.start(), section.end(), Reading.PROSE, medications);
                    allergyPhrases(text, section.start(), section.end(), allergies);
                }
                case PAST -> {
                    medications(text, section.start(), section.end(), Reading.PAST, medications);
                    allergyPhrases(text, section.start(), section.end(), allergies);
                }
                // what a procedure administered, a lab measured or a relative takes is not the patient's medication
                case PROCEDURE -> allergyPhrases(text, section.start(), section.end(), allergies);
                case LABS, FAMILY -> {
                }
            }
        }
        return new Extraction(
                medications.values().stream().map(m -> new Medication(m.name(), m.ingredients(), m.dose(), m.route(), m.frequency(),
                        inOriginal(lines, m.span()))).toList(),
                allergies.values().stream().map(a -> new Allergy(a.substance(), a.reaction(),
                        inOriginal(lines, a.span()))).toList(),
                Extraction.BUILTIN, null);
    }

    private static Span inOriginal(LineFeeds lines, Span span) {
        int start = lines.start(span.start());
        return new Span(start, Math.max(start, lines.end(span.end())));
    }

    // ---- medications ----

    private record Mention(int start, int end) {
    }

    /** How a section's drugs are read: a list names current drugs; prose needs a cue or dosing; past history a cue. */
    private enum Reading { LIST, PROSE, PAST }

    /** Cues that a drug named in a history section is taken now ("currently on", "takes", "maintained on"). */
    private static final Pattern CURRENT_CUE = Pattern.compile("\\b(?:currently|now|presently|still|"
            + "(?:is|are|remains?|been) (?:on|taking|maintained on)|takes|taking|placed on|started on|maintained on)\\b",
            Pattern.CASE_INSENSITIVE);

    private void medications(String text, int from, int to, Reading reading, Map<String, Medication> into) {
        boolean list = reading == Reading.LIST;
        for (int[] unit : units(text, from, to, list ? LIST_BOUNDARY : PROSE_BOUNDARY)) {
            boolean listUnit = list && !PROSE_START.matcher(text.substring(unit[0], Math.min(unit[1], unit[0] + 40))).find();
            List<Mention> mentions = mentions(text, unit[0], unit[1], list);
            if (mentions.isEmpty() && list) {
                unknownDrug(text, unit[0], unit[1], into);
            }
            for (int i = 0; i < mentions.size(); i++) {
                Mention mention = mentions.get(i);
                int next = i + 1 < mentions.size() ? mentions.get(i + 1).start : unit[1];
                int sigEnd = Math.min(next, Math.min(unit[1], mention.end + SIG_WINDOW));
                // in a list a cue reaches back to the previous item only: "X (held), Y" leaves Y current
                int scope = list && i > 0 ? itemStart(text, mentions.get(i - 1).end, mention.start) : unit[0];
                if (MentionContext.of(text, unit[0], scope, mention.start, mention.end, unit[1])
                        != MentionContext.Status.CURRENT) {
                    continue;
                }
                Sig sig = Sig.parse(text, mention.end, sigEnd);
                boolean taken = switch (reading) {
                    case LIST -> listUnit || MentionContext.cued(text, unit[0], mention.start) || !sig.isEmpty();
                    case PROSE -> MentionContext.cued(text, unit[0], mention.start) || !sig.isEmpty()
                            || indicated(text, mention.end, unit[1]);
                    case PAST -> CURRENT_CUE.matcher(text).region(Math.max(unit[0], mention.start - MentionContext.WINDOW),
                            mention.start).find();
                };
                if (taken) {
                    add(text, mention.start, mention.end, sig, into);
                }
            }
        }
    }

    /** "Zyrtec and Flonase for his allergic rhinitis": a drug named for what it treats is prescribed. */
    private static final Pattern INDICATION = Pattern.compile("^[\\s,]*(?:(?:and|or|,)\\s+[A-Za-z\\-]+\\s*)*"
            + "(?:(?:can|will|should|is to|to) be (?:used|tried|taken|continued|started)\\b|"
            + "for\\s+(?:his|her|their|the|this|\\w+ing)\\b)",
            Pattern.CASE_INSENSITIVE);

    private static boolean indicated(String text, int end, int unitEnd) {
        return INDICATION.matcher(text).region(end, Math.min(unitEnd, end + 80)).lookingAt();
    }

    private static int itemStart(String text, int previousEnd, int start) {
        for (int i = start - 1; i >= previousEnd; i--) {
            if (text.charAt(i) == ',' || text.charAt(i) == ')') {
                return i + 1;
            }
        }
        return previousEnd;
    }

    private void add(String text, int start, int end, Sig sig, Map<String, Medication> into) {
        String name = WHITESPACE.matcher(text.substring(start, end)).replaceAll(" ");
        into.putIfAbsent(name.toLowerCase(Locale.ROOT), new Medication(name, lexicon.ingredients(name), sig.dose(), sig.route(), sig.frequency(),
                new Span(start, Math.max(end, sig.end()))));
    }

    private void unknownDrug(String text, int from, int to, Map<String, Medication> into) {
        int start = skipListMarker(text, from, to);
        Matcher m = UNKNOWN_DRUG.matcher(text).region(start, to);
        if (m.lookingAt() && !NOT_A_NAME.contains(m.group(1).split("[ \\t]+")[0].toLowerCase(Locale.ROOT))
                && MentionContext.of(text, from, from, m.start(1), m.end(1), to) == MentionContext.Status.CURRENT) {
            add(text, m.start(1), m.end(1), Sig.parse(text, m.end(1), Math.min(to, m.end(1) + SIG_WINDOW)), into);
        }
    }

    private static int skipListMarker(String text, int from, int to) {
        int start = from;
        while (start < to && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        Matcher marker = LIST_ITEM.matcher(text).region(start, to);
        return marker.lookingAt() ? marker.end() : start;
    }

    /** Drug names in {@code text[from, to)}: longest lexicon matches, with combinations and salts joined. */
    private List<Mention> mentions(String text, int from, int to, boolean list) {
        var tokens = new ArrayList<int[]>();
        Matcher t = TOKEN.matcher(text).region(from, to);
        while (t.find()) {
            tokens.add(new int[] {t.start(), t.end()});
        }
        var mentions = new ArrayList<Mention>();
        int i = 0;
        while (i < tokens.size()) {
            int words = match(text, tokens, i);
            if (words == 0 || (words == 1 && isSalt(text, tokens.get(i))) || (list && insideBrackets(text, from, tokens.get(i)[0]))) {
                i++;
                continue;
            }
            int start = tokens.get(i)[0];
            int last = i + words - 1;
            while (true) {
                int after = last + 1;
                if (after < tokens.size() && joinsCombination(text, tokens.get(last)[1], tokens.get(after)[0])) {
                    int more = match(text, tokens, after);
                    if (more > 0) {
                        last = after + more - 1;
                        continue;
                    }
                }
                if (after < tokens.size() && isSalt(text, tokens.get(after))
                        && separator(text, tokens.get(last)[1], tokens.get(after)[0]) == ' ') {
                    last = after;
                    continue;
                }
                break;
            }
            var mention = new Mention(start, tokens.get(last)[1]);
            if (mentions.isEmpty() || !restates(text, mentions.getLast(), mention)) {
                mentions.add(mention);
            }
            i = last + 1;
        }
        return mentions;
    }

    /** "Lipitor (atorvastatin)": a name in parentheses right after another restates it. */
    private static boolean restates(String text, Mention previous, Mention mention) {
        String between = text.substring(previous.end, mention.start);
        return between.strip().equals("(") || between.strip().equals("[");
    }

    private static boolean insideBrackets(String text, int from, int at) {
        for (int i = at - 1; i >= from; i--) {
            if (text.charAt(i) == ']') {
                return false;
            }
            if (text.charAt(i) == '[') {
                return true;
            }
        }
        return false;
    }

    private boolean isSalt(String text, int[] token) {
        return SALTS.contains(text.substring(token[0], token[1]).toLowerCase(Locale.ROOT));
    }

    private static boolean joinsCombination(String text, int end, int next) {
        String between = text.substring(end, next);
        return between.strip().equals("/") || between.strip().equals("+") || between.equals("-");
    }

    /** The number of tokens from {@code i} forming the longest lexicon name, or 0. */
    private int match(String text, List<int[]> tokens, int i) {
        var key = new StringBuilder();
        int best = 0;
        for (int k = 0; k < DrugLexicon.MAX_WORDS + 1 && i + k < tokens.size(); k++) {
            if (k > 0) {
                char separator = separator(text, tokens.get(i + k - 1)[1], tokens.get(i + k)[0]);
                if (separator == 0) {
                    break;
                }
                key.append(separator);
            }
            key.append(text, tokens.get(i + k)[0], tokens.get(i + k)[1]);
            if (lexicon.isDrug(key.toString())) {
                best = k + 1;
            }
        }
        return best;
    }

    /** ' ' for spaces within a line, '-' for a hyphen, 0 when the words are not one name. */
    private static char separator(String text, int end, int next) {
        if (next - end == 1 && text.charAt(end) == '-') {
            return '-';
        }
        if (next - end < 1 || next - end > 3) {
            return 0;
        }
        for (int i = end; i < next; i++) {
            if (text.charAt(i) != ' ' && text.charAt(i) != '\t') {
                return 0;
            }
        }
        return ' ';
    }

    /** {@code text[from, to)} cut at the boundaries, blank pieces dropped. */
    private static List<int[]> units(String text, int from, int to, Pattern boundary) {
        var units = new ArrayList<int[]>();
        if (from >= to) {
            return units;
        }
        Matcher m = boundary.matcher(text).region(from, to);
        int start = from;
        while (m.find()) {
            if (wrapped(text, m.start(), m.end())) {
                continue;
            }
            addUnit(text, start, m.start(), units);
            start = m.end();
        }
        addUnit(text, start, to, units);
        return units;
    }

    /**
     * Whether the boundary at {@code text[at, end)} is only a transcription's hard wrap: a lone line
     * feed after a long line that does not end a sentence, before a word that is not a list item.
     */
    private static boolean wrapped(String text, int at, int end) {
        if (end - at != 1 || text.charAt(at) != '\n' || end >= text.length()
                || !Character.isLetter(text.charAt(end))) {
            return false;
        }
        int lineStart = text.lastIndexOf('\n', at - 1) + 1;
        int last = at - 1;
        while (last >= lineStart && Character.isWhitespace(text.charAt(last))) {
            last--;
        }
        return last - lineStart + 1 >= WRAPPED_LINE && ".:;!?".indexOf(text.charAt(last)) < 0;
    }

    private static void addUnit(String text, int start, int end, List<int[]> units) {
        int s = start;
        int e = end;
        while (s < e && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        if (s < e) {
            units.add(new int[] {s, e});
        }
    }

    // ---- allergies ----

    /** An allergy section: each line a list of substances with reactions, or a sentence. */
    private void allergyList(String text, int from, int to, Map<String, Allergy> into,
            Map<String, Medication> medications) {
        for (int[] unit : units(text, from, to, LIST_BOUNDARY)) {
            int start = skipListMarker(text, unit[0], unit[1]);
            String content = text.substring(start, unit[1]);
            if (NO_ALLERGIES.matcher(content).matches()) {
                continue;
            }
            if (PROSE_START.matcher(content).find() || ALLERGY_PHRASE.matcher(content).find()
                    || ALLERGY_NOUN.matcher(content).find()) {
                allergyPhrases(text, start, unit[1], into);
                medications(text, start, unit[1], Reading.PROSE, medications);
                continue;
            }
            substances(text, start, unit[1], into);
        }
    }

    /** "allergic to X (hives) and Y", "X allergy - rash" anywhere in {@code text[from, to)}. */
    private void allergyPhrases(String text, int from, int to, Map<String, Allergy> into) {
        for (int[] unit : units(text, from, to, PROSE_BOUNDARY)) {
            Matcher phrase = ALLERGY_PHRASE.matcher(text).region(unit[0], unit[1]);
            while (phrase.find()) {
                if (!negatedAllergy(text, unit[0], phrase.start())) {
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
                        || NOT_CAUSED.matcher(text).region(tokens.get(j)[1], effect.start()).find()) {
                    return;
                }
                terms.add(new int[] {tokens.get(j - words + 1)[0], tokens.get(j)[1]});
                j -= words;
            }
            else {
                j--;
            }
        }
        // the allergens before may be joined to the last by "and", "or" or commas
        while (j >= 0) {
            while (j >= 0 && JOINER.matcher(text.substring(tokens.get(j)[0], tokens.get(j)[1])).matches()) {
                j--;
            }
            int words = j < 0 ? 0 : knownEndingAt(text, tokens, j);
            if (words == 0 || !JOINED.matcher(text.substring(tokens.get(j)[1], terms.getLast()[0])).matches()) {
                break;
            }
            terms.add(new int[] {tokens.get(j - words + 1)[0], tokens.get(j)[1]});
            j -= words;
        }
        for (int[] term : terms.reversed()) {
            if (!negatedAllergy(text, unitStart, term[0])) {
                String written = text.substring(term[0], term[1]).replaceAll("\\s+", " ");
                String bare = CLASS_WORD.matcher(written).replaceAll("").strip();
                put(!bare.isEmpty() && lexicon.isAllergen(bare) ? bare : written, clean(effect.group(1)), term[0],
                        effect.end(1), into);
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
            String words = text.substring(tokens.get(j - k + 1)[0], tokens.get(j)[1]).replaceAll("\\s+", " ");
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
        return ALLERGY_NEGATION.matcher(text).region(Math.max(unitStart, at - 30), at).find();
    }

    /** "penicillin allergy": the one to three words before the noun, when they name a known allergen. */
    private void allergyBefore(String text, int unitStart, Matcher noun, int unitEnd, Map<String, Allergy> into) {
        var tokens = new ArrayList<int[]>();
        Matcher t = TOKEN.matcher(text).region(Math.max(unitStart, noun.start() - 60), noun.start());
        while (t.find()) {
            tokens.add(new int[] {t.start(), t.end()});
        }
        if (tokens.isEmpty() || !text.substring(tokens.getLast()[1], noun.start()).isBlank()) {
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
            }
            else if (!NOT_A_SUBSTANCE.contains(key.split(" ")[0]) && !NO_ALLERGIES.matcher(substance).matches()
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
    private record Reaction(String text, int end) {
    }

    private static Reaction reactionAt(String text, int at, int to, boolean clause) {
        for (Pattern pattern : clause ? List.of(REACTION_PAREN, REACTION_SEPARATED, REACTION_CLAUSE)
                : List.of(REACTION_PAREN, REACTION_SEPARATED)) {
            Matcher m = pattern.matcher(text).region(at, to);
            if (m.lookingAt() && clean(m.group(1)) != null
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
