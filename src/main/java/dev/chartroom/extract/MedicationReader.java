package dev.chartroom.extract;

import dev.chartroom.extract.DrugMentions.Mention;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The medications of one section. Inside a medication list every drug named is current unless its
 * {@link MentionContext} says otherwise ("held", "in the past", "Mother received"); in prose a drug
 * counts when a cue says the patient takes it ("taking", "on", "started", "for his rhinitis") or dosing
 * follows it; in past history only with a cue that it is taken now; in a procedure's account only what
 * the patient goes home on. Each medication carries its dosing ({@link Sig}) and its ingredients from the
 * {@link DrugLexicon}.
 */
final class MedicationReader {

    /** How a section's drugs are read. */
    enum Reading {
        /** a list names current drugs */
        LIST,
        /** prose needs a cue or dosing */
        PROSE,
        /** past history needs a cue that the drug is taken now */
        PAST,
        /** a procedure's account: only what the patient leaves with ("sent home on Tylenol #3") */
        AFTERWARDS
    }

    /** How far after a drug name dosing is read. */
    private static final int SIG_WINDOW = 80;

    private static final Pattern UNKNOWN_DRUG =
            Pattern.compile("(?i)^(?:(?:take|taking|takes|continue|start|started|on)"
                    + "\\s+)?([a-z][a-z\\-]{2,}(?:[ \\t]+[a-z][a-z\\-]{2,}){0,2}?)[ \\t]+"
                    + "(?=\\d+(?:\\.\\d+)?(?:/\\d+(?:\\.\\d+)?)?\\s*"
                    + "(?:mg|mcg|g|ml|units?|puffs?|tabs?|tablets?|caps?|capsules?|day pack)\\b)");
    private static final Set<String> NOT_A_NAME = Set.of(
            "patient",
            "pt",
            "she",
            "he",
            "they",
            "total",
            "dose",
            "take",
            "takes",
            "reviewed",
            "none",
            "no",
            "weight",
            "age",
            "and",
            "or",
            "the");

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** What a procedure note says the patient leaves with: "sent home on", "given a prescription for". */
    private static final Pattern AFTERWARDS_CUE = Pattern.compile(
            ("\\b(?:(?:sent|discharged|going|released) home"
                            + "(?: \\w+)? (?:on|with)|discharged (?:on|with)|prescriptions? (?:for|of)|prescribed|"
                            + "instructed to (?:take|continue|use|apply)|will (?:continue|resume|start|take|use))\\b")
                    .replace(" ", "\\s+"),
            Pattern.CASE_INSENSITIVE);

    /** Cues that a drug named in a history section is taken now ("currently on", "takes", "maintained on"). */
    private static final Pattern CURRENT_CUE = Pattern.compile(
            "\\b(?:currently|now|presently|still|"
                    + "(?:is|are|remains?|been) (?:on|taking|maintained on)|takes|taking|placed on|started on|"
                    + "maintained on)\\b",
            Pattern.CASE_INSENSITIVE);

    /**
     * What the patient goes on with, written after the drug even when "given" precedes it: a quantity
     * dispensed ("Keflex #30"), a taper or a course ("given a Librium taper").
     */
    private static final Pattern PRESCRIBED_AFTER = Pattern.compile(
            "^\\s*(?:#[ \\t]*\\d{2,3}\\b|(?:taper|course|regimen|prescription)\\b)", Pattern.CASE_INSENSITIVE);

    /** A cue written after the drug: "DPH was continued", "Lasix was increased to 40 mg". */
    private static final Pattern CUED_AFTER = Pattern.compile(
            "^\\s+(?:was|were|is|are|has been|have been|will be)\\s+(?:continued|started|restarted|resumed|"
                    + "increased|decreased|initiated|added|prescribed|titrated|ordered)\\b",
            Pattern.CASE_INSENSITIVE);

    /**
     * Agents of a test or a delivery, never the patient's medication: radiotracers, contrast, the stress agent
     * used only for imaging ("25 mCi of Myoview", "refer to the Myoview interpretation") and what induces or
     * augments labour ("Pitocin was started").
     */
    private static final Pattern AGENT_OF_A_TEST_OR_DELIVERY = Pattern.compile(
            "^(?:technetium|thallium|thallous|rubidium|fludeoxyglucose|florbetapir|indium|xenon|gallium|regadenoson|"
                    + "gado\\w+|iohexol|iopamidol|iodixanol|ioversol|iopromide|iothalamate|diatrizoate|barium|"
                    + "perflutren|tetrofosmin|sestamibi|oxytocin|dinoprostone|carboprost)\\b");

    /**
     * What a procedure's account says the patient takes anyway ("is currently on Cortef"); not "started on",
     * which in a procedure or a delivery is what was given there.
     */
    private static final Pattern STANDING_CUE = Pattern.compile(
            "\\b(?:(?:currently|presently|at home|chronically|routinely)(?:\\s+\\w+)?\\s+(?:on|taking|takes|uses)|"
                    + "takes|is taking|home medications?)\\b",
            Pattern.CASE_INSENSITIVE);

    private final DrugLexicon lexicon;
    private final DrugMentions drugMentions;

    MedicationReader(DrugLexicon lexicon) {
        this.lexicon = lexicon;
        this.drugMentions = new DrugMentions(lexicon);
    }

    /** The medications of {@code text[from, to)}, read as {@code reading} says, added to {@code into} by name. */
    void read(String text, int from, int to, Reading reading, Map<String, Medication> into) {
        boolean list = reading == Reading.LIST;
        for (int[] unit : TextUnits.units(text, from, to, list ? TextUnits.LIST_BOUNDARY : TextUnits.PROSE_BOUNDARY)) {
            boolean listUnit = list
                    && !TextUnits.PROSE_START
                            .matcher(text.substring(unit[0], Math.min(unit[1], unit[0] + 40)))
                            .find();
            List<Mention> mentions = drugMentions.in(text, unit[0], unit[1], list);
            if (mentions.isEmpty() && list) {
                unknownDrug(text, unit[0], unit[1], into);
            }
            for (int i = 0; i < mentions.size(); i++) {
                Mention mention = mentions.get(i);
                int next = i + 1 < mentions.size() ? mentions.get(i + 1).start() : unit[1];
                int sigEnd = Math.min(next, Math.min(unit[1], mention.end() + SIG_WINDOW));
                sigEnd = clauseEnd(text, mention.end(), sigEnd);
                // in a list a cue reaches back to the previous item only: "X (held), Y" leaves Y current
                int scope = list && i > 0 ? itemStart(text, mentions.get(i - 1).end(), mention.start()) : unit[0];
                Sig sig = Sig.parse(text, mention.end(), sigEnd);
                var status = MentionContext.of(text, unit[0], scope, mention.start(), mention.end(), unit[1]);
                if (status == MentionContext.Status.STOPPED) {
                    // what the note says last of a drug holds: "placed on Cytoxan ... the Cytoxan was stopped"
                    List<String> stopped = ingredients(written(text, mention.start(), mention.end()), mention.name());
                    into.values().removeIf(found -> found.ingredients().equals(stopped));
                    continue;
                }
                // "was given methylcellulose ophthalmic, one drop in each eye daily" is a prescription, not a dose
                // given; so is "given Keflex #30" or "a Librium taper"
                boolean prescribed = sig.isRegimen() || prescribedAfter(text, mention.end(), unit[1]);
                if (status != MentionContext.Status.CURRENT
                        && !(status == MentionContext.Status.ADMINISTERED && prescribed)) {
                    continue;
                }
                boolean taken = switch (reading) {
                    case LIST -> listUnit || MentionContext.cued(text, unit[0], mention.start()) || !sig.isEmpty();
                    case PROSE ->
                        MentionContext.cued(text, unit[0], mention.start())
                                || !sig.isEmpty()
                                || indicated(text, mention.end(), unit[1])
                                || aloneInItem(text, unit, mention, sig)
                                || CUED_AFTER
                                        .matcher(text)
                                        .region(mention.end(), Math.min(unit[1], mention.end() + 40))
                                        .lookingAt();
                    case PAST -> cuedBefore(CURRENT_CUE, text, unit[0], mention.start());
                    // "The patient is currently on Cortef, Synthroid" in a procedure's account is still current
                    case AFTERWARDS ->
                        prescribed
                                || cuedBefore(AFTERWARDS_CUE, text, unit[0], mention.start())
                                || cuedBefore(STANDING_CUE, text, unit[0], mention.start());
                };
                if (taken) {
                    add(text, mention, sig, into);
                }
            }
        }
    }

    /** "Zyrtec and Flonase for his allergic rhinitis": a drug named for what it treats is prescribed. */
    private static final Pattern INDICATION = Pattern.compile(
            "^[\\s,]*(?:(?:and|or|,)\\s+[A-Za-z\\-]+\\s*)*"
                    + "(?:(?:can|will|should|is to|to) be (?:used|tried|taken|continued|started)\\b|"
                    + "for\\s+(?:his|her|their|the|this|\\w+ing)\\b)",
            Pattern.CASE_INSENSITIVE);

    private static boolean indicated(String text, int end, int unitEnd) {
        return INDICATION.matcher(text).region(end, Math.min(unitEnd, end + 80)).lookingAt();
    }

    /** "4. Ortho Tri-Cyclen Lo." in a plan: a numbered item that is only the drug (and its dosing) orders it. */
    private static boolean aloneInItem(String text, int[] unit, Mention mention, Sig sig) {
        int end = Math.max(mention.end(), sig.end());
        int lineStart = text.lastIndexOf('\n', unit[0] - 1) + 1;
        return mention.start() == unit[0]
                && LIST_MARKER.matcher(text).region(lineStart, unit[0]).matches()
                && text.substring(end, unit[1]).replaceAll("[\\s.,;]", "").isEmpty();
    }

    /** What stands before an item on its line: "4. ", "- ". */
    private static final Pattern LIST_MARKER = Pattern.compile("[ \\t]*(?:[-*•]|\\d{1,2}[.)])[ \\t]*");

    /** Dosing is read up to a new clause: "gave him Tylenol, but yesterday at night" doses nothing at night. */
    private static final Pattern CLAUSE_BREAK =
            Pattern.compile("[,;]?\\s+(?:but|however|although|though|whereas|yet)\\b", Pattern.CASE_INSENSITIVE);

    private static int clauseEnd(String text, int from, int to) {
        Matcher m = CLAUSE_BREAK.matcher(text).region(from, to);
        return m.find() ? m.start() : to;
    }

    private static boolean cuedBefore(Pattern cue, String text, int unitStart, int start) {
        return cue.matcher(text)
                .region(Math.max(unitStart, start - MentionContext.WINDOW), start)
                .find();
    }

    private static boolean prescribedAfter(String text, int end, int unitEnd) {
        return PRESCRIBED_AFTER
                .matcher(text)
                .region(end, Math.min(unitEnd, end + 20))
                .lookingAt();
    }

    private static int itemStart(String text, int previousEnd, int start) {
        for (int i = start - 1; i >= previousEnd; i--) {
            if (text.charAt(i) == ',' || text.charAt(i) == ')') {
                return i + 1;
            }
        }
        return previousEnd;
    }

    /** The name as the note writes it, on one line. */
    private static String written(String text, int start, int end) {
        return WHITESPACE.matcher(text.substring(start, end)).replaceAll(" ");
    }

    /** What a name stands for: the lexicon's entry for it when the mention found one, else the name's own. */
    private List<String> ingredients(String written, String lexiconName) {
        return lexicon.ingredients(lexiconName == null ? written : lexiconName);
    }

    private void add(String text, Mention mention, Sig sig, Map<String, Medication> into) {
        add(text, mention.start(), mention.end(), mention.name(), sig, into);
    }

    private void add(String text, int start, int end, String lexiconName, Sig sig, Map<String, Medication> into) {
        String name = written(text, start, end);
        List<String> ingredients = ingredients(name, lexiconName);
        if (ingredients.stream()
                .anyMatch(i -> AGENT_OF_A_TEST_OR_DELIVERY.matcher(i).find())) {
            return;
        }
        into.putIfAbsent(
                name.toLowerCase(Locale.ROOT),
                new Medication(
                        name,
                        ingredients,
                        sig.dose(),
                        sig.route(),
                        sig.frequency(),
                        new Span(start, Math.max(end, sig.end()))));
    }

    private void unknownDrug(String text, int from, int to, Map<String, Medication> into) {
        int start = TextUnits.skipListMarker(text, from, to);
        Matcher m = UNKNOWN_DRUG.matcher(text).region(start, to);
        if (m.lookingAt()
                && !NOT_A_NAME.contains(m.group(1).split("[ \\t]+")[0].toLowerCase(Locale.ROOT))
                && MentionContext.of(text, from, from, m.start(1), m.end(1), to) == MentionContext.Status.CURRENT) {
            add(text, m.start(1), m.end(1), null, Sig.parse(text, m.end(1), Math.min(to, m.end(1) + SIG_WINDOW)), into);
        }
    }
}
