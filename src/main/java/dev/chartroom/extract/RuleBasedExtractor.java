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

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    private static final Pattern UNKNOWN_DRUG = Pattern.compile("(?i)^(?:(?:take|taking|takes|continue|start|started|on)"
            + "\\s+)?([a-z][a-z\\-]{2,}(?:[ \\t]+[a-z][a-z\\-]{2,}){0,2}?)[ \\t]+(?=\\d+(?:\\.\\d+)?(?:/\\d+(?:\\.\\d+)?)?\\s*"
            + "(?:mg|mcg|g|ml|units?|puffs?|tabs?|tablets?|caps?|capsules?|day pack)\\b)");
    private static final Set<String> NOT_A_NAME = Set.of("patient", "pt", "she", "he", "they", "total", "dose",
            "take", "takes", "reviewed", "none", "no", "weight", "age", "and", "or", "the");

    private static final Set<String> SALTS = Set.of("hydrochloride", "hcl", "sodium", "potassium", "calcium",
            "magnesium", "succinate", "tartrate", "besylate", "maleate", "mesylate", "sulfate", "citrate", "fumarate",
            "acetate", "bromide", "hydrobromide", "propionate", "furoate", "xinafoate", "phosphate", "bitartrate",
            "dihydrate", "monohydrate", "trihydrate", "chloride");

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final DrugLexicon lexicon;
    private final AllergyReader allergyReader;

    RuleBasedExtractor(DrugLexicon lexicon) {
        this.lexicon = lexicon;
        this.allergyReader = new AllergyReader(lexicon);
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
                    allergyReader.phrases(text, section.start(), section.end(), allergies);
                }
                case ALLERGIES -> allergyReader.list(text, section.start(), section.end(), allergies,
                        unit -> medications(text, unit[0], unit[1], Reading.PROSE, medications));
                case OTHER -> {
                    medications(text, section.start(), section.end(), Reading.PROSE, medications);
                    allergyReader.phrases(text, section.start(), section.end(), allergies);
                }
                case PAST -> {
                    medications(text, section.start(), section.end(), Reading.PAST, medications);
                    allergyReader.phrases(text, section.start(), section.end(), allergies);
                }
                // what a lab measured or a relative takes is not the patient's medication; what a procedure
                // administered is not either, only what the patient goes home on (Reading.AFTERWARDS)
                case PROCEDURE -> {
                    medications(text, section.start(), section.end(), Reading.AFTERWARDS, medications);
                    allergyReader.phrases(text, section.start(), section.end(), allergies);
                }
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

    /** A drug named at {@code text[start, end)}; {@code name} is the lexicon name when it differs from the text. */
    private record Mention(int start, int end, String name) {
    }

    /**
     * How a section's drugs are read: a list names current drugs; prose needs a cue or dosing; past history a
     * cue; a procedure's account only what the patient leaves with ("sent home on Tylenol #3").
     */
    private enum Reading { LIST, PROSE, PAST, AFTERWARDS }

    /** What a procedure note says the patient leaves with: "sent home on", "given a prescription for". */
    private static final Pattern AFTERWARDS_CUE = Pattern.compile(("\\b(?:(?:sent|discharged|going|released) home"
            + "(?: \\w+)? (?:on|with)|discharged (?:on|with)|prescriptions? (?:for|of)|prescribed|"
            + "instructed to (?:take|continue|use|apply)|will (?:continue|resume|start|take|use))\\b")
            .replace(" ", "\\s+"), Pattern.CASE_INSENSITIVE);

    /** Cues that a drug named in a history section is taken now ("currently on", "takes", "maintained on"). */
    private static final Pattern CURRENT_CUE = Pattern.compile("\\b(?:currently|now|presently|still|"
            + "(?:is|are|remains?|been) (?:on|taking|maintained on)|takes|taking|placed on|started on|maintained on)\\b",
            Pattern.CASE_INSENSITIVE);

    private void medications(String text, int from, int to, Reading reading, Map<String, Medication> into) {
        boolean list = reading == Reading.LIST;
        for (int[] unit : TextUnits.units(text, from, to, list ? TextUnits.LIST_BOUNDARY : TextUnits.PROSE_BOUNDARY)) {
            boolean listUnit = list && !TextUnits.PROSE_START.matcher(text.substring(unit[0], Math.min(unit[1], unit[0] + 40))).find();
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
                    case AFTERWARDS -> AFTERWARDS_CUE.matcher(text).region(Math.max(unit[0],
                            mention.start - MentionContext.WINDOW), mention.start).find();
                };
                if (taken) {
                    add(text, mention, sig, into);
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

    private void add(String text, Mention mention, Sig sig, Map<String, Medication> into) {
        add(text, mention.start, mention.end, mention.name, sig, into);
    }

    private void add(String text, int start, int end, String lexiconName, Sig sig, Map<String, Medication> into) {
        String name = WHITESPACE.matcher(text.substring(start, end)).replaceAll(" ");
        List<String> ingredients = lexicon.ingredients(lexiconName == null ? name : lexiconName);
        into.putIfAbsent(name.toLowerCase(Locale.ROOT), new Medication(name, ingredients, sig.dose(), sig.route(), sig.frequency(),
                new Span(start, Math.max(end, sig.end()))));
    }

    private void unknownDrug(String text, int from, int to, Map<String, Medication> into) {
        int start = TextUnits.skipListMarker(text, from, to);
        Matcher m = UNKNOWN_DRUG.matcher(text).region(start, to);
        if (m.lookingAt() && !NOT_A_NAME.contains(m.group(1).split("[ \\t]+")[0].toLowerCase(Locale.ROOT))
                && MentionContext.of(text, from, from, m.start(1), m.end(1), to) == MentionContext.Status.CURRENT) {
            add(text, m.start(1), m.end(1), null, Sig.parse(text, m.end(1), Math.min(to, m.end(1) + SIG_WINDOW)), into);
        }
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
            int end = tokens.get(last)[1];
            String name = null;
            Matcher numbered = NUMBERED.matcher(text).region(end, Math.min(to, end + 8));
            if (numbered.lookingAt()) {
                String key = text.substring(start, end).replaceAll("\\s+", " ") + " #" + numbered.group(1);
                if (lexicon.isDrug(key)) {
                    name = key;
                    end = numbered.end();
                    while (last + 1 < tokens.size() && tokens.get(last + 1)[0] < end) {
                        last++;
                    }
                }
            }
            int generic = name == null ? restatedGeneric(text, tokens, start, last) : 0;
            if (generic > 0) {
                name = text.substring(start, end).replaceAll("\\s+", " ");
                last += generic;
                end = tokens.get(last)[1];
            }
            var mention = new Mention(start, end, name);
            if (mentions.isEmpty() || !restates(text, mentions.getLast(), mention)) {
                mentions.add(mention);
            }
            i = last + 1;
        }
        return mentions;
    }

    /** "Tylenol #3", "Tylenol No. 3": a product line numbered by strength. */
    private static final Pattern NUMBERED = Pattern.compile("[ \\t]*(?:#|[Nn]o\\.?)[ \\t]*(\\d)\\b");

    /**
     * "Lantus insulin", "Toprol metoprolol": the generic written right after a brand restates it; the number
     * of its tokens, or 0.
     */
    private int restatedGeneric(String text, List<int[]> tokens, int start, int last) {
        int next = last + 1;
        if (next >= tokens.size() || separator(text, tokens.get(last)[1], tokens.get(next)[0]) != ' ') {
            return 0;
        }
        int words = match(text, tokens, next);
        if (words == 0) {
            return 0;
        }
        String brand = text.substring(start, tokens.get(last)[1]);
        if (!lexicon.isBrand(brand)) {
            return 0;
        }
        var brandWords = new java.util.HashSet<String>();
        for (String ingredient : lexicon.ingredients(brand)) {
            brandWords.addAll(List.of(ingredient.split(" ")));
        }
        String generic = text.substring(tokens.get(next)[0], tokens.get(next + words - 1)[1]);
        for (String ingredient : lexicon.ingredients(generic)) {
            if (!brandWords.containsAll(List.of(ingredient.split(" ")))) {
                return 0;
            }
        }
        return words;
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

}
