package dev.chartroom.extract;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a drug named in a sentence is one the patient takes now, in the manner of the ConText
 * algorithm (Harkema et al., 2009): trigger terms open a scope that runs forward to the drug
 * unless a terminator stands between them ("stopped warfarin and started apixaban": "started"
 * ends the scope of "stopped"), and a few triggers after the drug reach back to it ("Versed and
 * fentanyl were used for sedation"). Every look-around is bounded to a window, so the cost per
 * mention is constant.
 */
final class MentionContext {

    enum Status {
        CURRENT,
        /** "not taking", "allergic to", "held" */
        NEGATED,
        /** no longer taken: "stopped", "discontinued", "switched from"; what the note says last of a drug holds */
        STOPPED,
        /** "in the past", "previously", "was treated with" */
        HISTORICAL,
        /** "if", "may", "consider", "risks of" */
        HYPOTHETICAL,
        /** "Mother received ampicillin" */
        OTHER_EXPERIENCER,
        /** given once, during a procedure or a code: "was injected", "sedated with", "was given" */
        ADMINISTERED,
        /** the name describes something else: "vancomycin-resistant", "heparin-induced", "Coumadin clinic" */
        MODIFIER
    }

    /** How far before a drug name a trigger may stand, and how far after it one reaches back. */
    static final int WINDOW = 150;

    private static final int AFTER_WINDOW = 120;

    /** Cues that the drug is taken or prescribed; they end the scope of an earlier trigger. */
    static final Pattern POSITIVE_CUE = Pattern.compile(
            "\\b(?:takes|taking|take|on|uses|using|use|used|"
                    + "start|started|starting|begin|began|begun|initiated?|initiating|prescribed|prescribe|rx|"
                    + "continues?|continued|continuing|resumed?|resumes|resuming|restart(?:ed)?|increased?|increasing|"
                    + "decreased?|reduced?|titrated?|adjusted|to|add|added|adding|gives|"
                    + "maintained|refill(?:ed)?|refilled|renewed|include|includes|including|apply|inject|try|"
                    + "recommend(?:ed)?|discharged|will|now|currently|presently|but|however|although|carries|carrying|"
                    // "The patient's medications valproic acid, Zonegran", "her home medications Lasix"
                    + "(?:\\s?'s|his|her|their|home|current|usual|outpatient) medications?|"
                    + "prescriptions?|cycles?)\\b",
            Pattern.CASE_INSENSITIVE);

    /**
     * What ends the scope of a trigger that speaks of the whole clause (past, hypothetical, another
     * person), as in ConText: "previously on warfarin, now on apixaban".
     */
    private static final Pattern CLAUSE_END = Pattern.compile(
            "\\b(?:now|currently|presently|but|however|although|" + "though|except|today|will)\\b",
            Pattern.CASE_INSENSITIVE);
    /** A new subject ends another person's scope: "his mother is on insulin and he takes metformin". */
    private static final Pattern SUBJECT_CHANGE = Pattern.compile(
            "\\b(?:now|currently|but|however|he|she|patient|" + "the patient|pt)\\b", Pattern.CASE_INSENSITIVE);

    private record Trigger(Pattern pattern, Status status, Pattern ends) {}

    private static final Pattern NEGATED = Pattern.compile(
            // "will not be placed on Plavix", "was not started on": tried first, so "on" does not end it
            "\\b(?:not\\s+(?:be(?:en)?\\s+)?(?:placed|put|started|restarted|continued|given|prescribed)"
                    + "(?:\\s+(?:on|with))?|"
                    + "(?:held|holding|hold|not|denies|denied|never)(?:\\s+(?:taking|take|using|use|on))?|no|without|"
                    + "negative for|free of|"
                    // "would avoid other blood thinners including Plavix": the list belongs to the avoiding
                    + "(?:avoid|avoids|avoiding)(?:\\s+[\\w-]+){0,4}?\\s+(?:including|such as|like)|"
                    + "declined|declines|refused|refuses|avoid|avoids|avoiding|failed|"
                    + "(?:allergic|allergy|allergies|allergic reaction|reaction|reactions|sensitivity|sensitive|"
                    + "intolerant|"
                    + "intolerance|hypersensitivity) (?:to|of|with)|"
                    + "instead of|rather than|in place of|"
                    + "ran out of|contraindicated|cannot take|unable to take)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern STOPPED = Pattern.compile(
            "\\b(?:(?:stopped|stop|stopping|quit|discontinued|discontinue|discontinuing|d/c'?d|d/c|dc'?d|no longer|"
                    + "weaned off|tapered off|off)(?:\\s+(?:taking|take|using|use|on))?|"
                    + "switched from|changed from|transitioned from)\\b",
            Pattern.CASE_INSENSITIVE);
    /**
     * A past condition or trial: "history of", "tried"; the drug after a cue ("history of HTN on lisinopril")
     * is current.
     */
    private static final Pattern HISTORY = Pattern.compile(
            "\\b(?:prior|history of|hx of|tried|trial of|not started|"
                    + "never started|never took|completed|finished)\\b",
            Pattern.CASE_INSENSITIVE);
    /** A condition the drug caused: "hypokalemia related to HCTZ", "rash secondary to amoxicillin". */
    private static final Pattern CAUSE = Pattern.compile(
            "\\b(?:(?:related|secondary|due|attributed|attributable) to|" + "caused by|induced by)\\b",
            Pattern.CASE_INSENSITIVE);
    /** The drug itself in the past: "in the past she has been on Prozac, Paxil", "was treated with nifedipine". */
    private static final Pattern PAST = Pattern.compile(
            "\\b(?:previously|formerly|in the past|at one time|years ago|"
                    + "(?:was|were|has been|had been) (?:treated|managed) with|had been on|was on|were on|"
                    + "used to (?:take|be on))\\b",
            Pattern.CASE_INSENSITIVE);
    /** A modal is read with the verb after it, so "may be started on" is one trigger that "on" does not end. */
    private static final Pattern HYPOTHETICAL = Pattern.compile(
            "\\b(?:if|unless|in case|whether|"
                    + "(?:may|might|could)(?!\\s+(?:continue|resume|take|use|have)\\b)(?:\\s+(?:be|want to|need|"
                    + "wish to|benefit from))?(?:\\s+(?:start(?:ed)?|begin|"
                    + "add(?:ed)?|placed|put|tried|use|using|given|try|switched|changed|consider))?(?:\\s+(?:on|to|"
                    + "with))?|"
                    + "consider(?:ed|ing)?|option of|options? (?:include|are)|possibly|possible|risks? (?:of|and)|"
                    // "Another option will be to use loratadine": the modal belongs to the option
                    + "(?:another|other|an|one|second) (?:options?|alternatives?) (?:(?:will|would|could|might|"
                    + "may) be|is|are)|"
                    + "offered|discuss(?:ed)?|(?:should|would) (?:start(?:ing)?|initiat\\w*|add(?:ing)?|begin(?:ning)?|"
                    + "trial(?:ing)?|using|use|taking|take))\\b",
            Pattern.CASE_INSENSITIVE);
    /** Another person as the subject; not when they only report about the patient ("mother states"). */
    private static final Pattern EXPERIENCER = Pattern.compile(
            "\\b(?:mother|father|mom|dad|sister|brother|sibling|"
                    + "parents?|grandmother|grandfather|aunt|uncle|cousin|wife|husband|spouse|son|daughter|"
                    + "family members?|"
                    + "maternal|paternal)\\b(?!'s? (?:report|concern)|\\s+(?:states|reports|says|said|stated|reported|"
                    + "notes|"
                    + "noted|denies|is concerned|feels|thinks|wished|wishes|was told))",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern ADMINISTERED = Pattern.compile(
            "\\b(?:gave (?:him|her|them|the patient)|(?:sedated|sedation|anesthetized|premedicated|"
                    + "infiltrated|injected|irrigated|prepped|flushed|instilled|blocked|induced|reversed|infused|"
                    + "bolused|"
                    + "treated intraoperatively|anesthesia|anaesthesia|anesthetic) (?:with|using|of|by)|"
                    + "(?:injection|infusion|administration|instillation|infiltration|bolus) of|"
                    + "(?:was|were|is|being) given|received|receiving|administered|local anesthetic|utilizing|"
                    + "under)\\b"
                    // a measured volume is poured, injected or infused, not prescribed: "1 cc of 1% lidocaine"
                    + "|\\b\\d+(?:\\.\\d+)?\\s*(?:cc|ml|mci|gbq|units|meq/l)\\s+of\\b",
            Pattern.CASE_INSENSITIVE);
    /** After the drug, reaching back: "Lisinopril was discontinued", "Xylocaine 1% was used as local anesthetic". */
    private static final Pattern NEGATED_AFTER = Pattern.compile(
            "\\b(?:held|on hold|"
                    + "not started|never started|ineffective|failed|completed|was discussed|declined|"
                    + "(?:has |have |had )?caused|causes|gave (?:him|her|them)|intolerance|allergy)\\b",
            Pattern.CASE_INSENSITIVE);

    /** A start taken back later in the sentence: "... were started but were discontinued after 48 hours". */
    private static final Pattern THEN_STOPPED = Pattern.compile(
            "\\b(?:but|then|later|subsequently)\\b(?:\\s+\\w+){0,3}?\\s+(?:stopped|discontinued?|d/c'?d)\\b",
            Pattern.CASE_INSENSITIVE);

    /** After the drug: "the Imuran was stopped", "Lisinopril was discontinued". */
    private static final Pattern STOPPED_AFTER =
            // "the patient's methotrexate was held": held and not restarted by the end of the note
            Pattern.compile(
                    "\\b(?:stopped|discontinued?|d/c'?d|no longer|(?:was|were) held)\\b", Pattern.CASE_INSENSITIVE);

    /** A stop still to come is no stop yet: "she is going to be weaned off the Depakote". */
    private static final Pattern STOP_TO_COME = Pattern.compile(
            "\\b(?:going to|will|plans? to|planning to|to)(?:\\s+be)?\\s+(?:weaned|tapered|stopped|discontinued|"
                    + "taken)(?:\\s+off)?\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern ADMINISTERED_AFTER = Pattern.compile(
            "\\b(?:(?:was|were|is|are|being|been) "
                    // "were given in an attempt to increase bowel motility" is a treatment, not a procedure's drug
                    + "(?:given(?!\\s+(?:in an attempt|to (?:treat|increase|improve|help|control|prevent|decrease|"
                    + "reduce)|"
                    + "for (?:his|her|their|the)\\b))|injected|infiltrated|instilled|administered|infused|applied|"
                    + "placed|used|utilized|sprayed|"
                    + "irrigated|performed|pushed)|(?:injected|infiltrated|instilled|infused)|"
                    + "for (?:local )?(?:anesthesia|anesthetic|sedation|conscious sedation|analgesia|prophylaxis|"
                    + "hemostasis)|"
                    + "(?:IV|intravenous(?:ly)?) push|"
                    // "Fentanyl 200 mcg, Versed 10 mg ... given throughout the procedure", even under MEDICATIONS
                    + "(?:given |used )?(?:throughout|during) the (?:procedure|operation|surgery|case|examination|"
                    + "exam|test)|"
                    + "intra-?operatively)\\b",
            Pattern.CASE_INSENSITIVE);
    /** "Tylenol if it is okay with Dr. X" is hypothetical; "Tylenol if needed" is not. */
    private static final Pattern HYPOTHETICAL_AFTER = Pattern.compile(
            "\\b(?:if|unless|should (?:it|the|her|his|symptoms|"
                    + "pain))\\b(?!\\s+(?:needed|necessary|required|tolerated|desired|any))",
            Pattern.CASE_INSENSITIVE);

    /** A condition still to come: "if symptoms persist", "should the pain recur", "if she does not improve". */
    private static final Pattern CONDITION_AFTER = Pattern.compile(
            "\\b(?:if|should|in case)\\s+(?:[\\w-]+\\s+){0,3}?"
                    + "(?:persists?|continues?|recurs?|returns?|worsens?|progress(?:es)?|"
                    + "(?:does|do) not (?:improve|resolve)|fails? to (?:improve|resolve))\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern MODIFIER_AFTER = Pattern.compile(
            "^[ \\t]*-?[ \\t]*(?:resistant|resistance|induced|soaked|impregnated|coated|eluting|saturated|"
                    + "dependent|sensitive|associated|related|levels?|toxicity|clinic|lock|flush|allerg(?:y|ies|ic)|"
                    + "intolerance|reactions?|challenge|stress|scan|study|test|testing|protocol|prep|antibod(?:y|ies)|"
                    + "screen|overdose|use disorder|abuse|gauze|packing|dressings?|mesh|beads?|sutures?|"
                    + "stores|panel|saturation|deficiency)\\b",
            Pattern.CASE_INSENSITIVE);
    /** "dobutamine Myoview stress test": a drug named before another word and a test is the test's agent. */
    private static final Pattern TEST_AFTER = Pattern.compile(
            "^[ \\t]*[A-Za-z][A-Za-z\\-]*[ \\t]+(?:stress|scan|study|" + "challenge|protocol|perfusion|imaging)\\b",
            Pattern.CASE_INSENSITIVE);
    /** A culture's result: "urine culture grew E. coli, which was sensitive to Bactrim" names no allergy. */
    private static final Pattern SUSCEPTIBILITY = Pattern.compile(
            "\\b(?:sensitive|sensitivity|susceptible|" + "susceptibility|resistant|resistance)\\s+(?:to|of)\\s*$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern CULTURE = Pattern.compile(
            "\\b(?:cultures?|cultured|grew|growing|grows|organisms?|"
                    + "isolates?|bacteri\\w*|coli|staph\\w*|strep\\w*|enterococc\\w*|klebsiella|pseudomonas|"
                    + "sensitivities|urine)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MODIFIER_BEFORE =
            Pattern.compile("(?:\\banti-?|\\bnon-?|\\bpost-?|\\bpro-?)$", Pattern.CASE_INSENSITIVE);

    /** Negations and trials end at any cue ("stopped X and started Y"); clause-wide triggers at a clause end. */
    private static final List<Trigger> TRIGGERS = List.of(
            new Trigger(NEGATED, Status.NEGATED, POSITIVE_CUE),
            new Trigger(STOP_TO_COME, Status.HYPOTHETICAL, CLAUSE_END),
            new Trigger(STOPPED, Status.STOPPED, POSITIVE_CUE),
            new Trigger(HISTORY, Status.HISTORICAL, POSITIVE_CUE),
            new Trigger(PAST, Status.HISTORICAL, CLAUSE_END),
            new Trigger(CAUSE, Status.HISTORICAL, POSITIVE_CUE),
            new Trigger(HYPOTHETICAL, Status.HYPOTHETICAL, CLAUSE_END),
            new Trigger(EXPERIENCER, Status.OTHER_EXPERIENCER, SUBJECT_CHANGE),
            new Trigger(ADMINISTERED, Status.ADMINISTERED, POSITIVE_CUE));

    private MentionContext() {}

    /**
     * The status of the drug named at {@code text[start, end)}, read inside its sentence
     * {@code text[unitStart, unitEnd)}; {@code scopeStart} may start later, where an earlier list
     * item ends, so "X (held), Y" leaves Y current.
     */
    static Status of(String text, int unitStart, int scopeStart, int start, int end, int unitEnd) {
        if (MODIFIER_AFTER
                        .matcher(text)
                        .region(end, Math.min(unitEnd, end + 30))
                        .lookingAt()
                || TEST_AFTER
                        .matcher(text)
                        .region(end, Math.min(unitEnd, end + 40))
                        .lookingAt()
                || MODIFIER_BEFORE
                        .matcher(text)
                        .region(Math.max(unitStart, start - 5), start)
                        .find()
                || susceptibility(text, unitStart, start)) {
            return Status.MODIFIER;
        }
        int from = Math.max(scopeStart, start - WINDOW);
        Status before = Status.CURRENT;
        int nearest = -1;
        for (Trigger trigger : TRIGGERS) {
            int at = lastEnd(trigger.pattern(), text, from, start);
            if (at > nearest && at >= lastEnd(trigger.ends(), text, from, start)) {
                nearest = at;
                before = trigger.status();
            }
        }
        int terminator = lastEnd(POSITIVE_CUE, text, from, start);
        if (before != Status.CURRENT) {
            return before;
        }
        // a trigger after the drug reaches back to it unless a cue starts between them
        int to = Math.min(unitEnd, end + AFTER_WINDOW);
        // "Ampicillin and gentamicin were started per protocol but were discontinued": the sentence ends stopped
        if (THEN_STOPPED.matcher(text).region(end, to).find()) {
            return Status.STOPPED;
        }
        int afterCue = firstStart(POSITIVE_CUE, text, end, to);
        int limit = afterCue < 0 ? to : afterCue;
        if (startsBefore(STOPPED_AFTER, text, end, to, limit)) {
            return Status.STOPPED;
        }
        if (startsBefore(NEGATED_AFTER, text, end, to, limit)) {
            return Status.NEGATED;
        }
        if (startsBefore(ADMINISTERED_AFTER, text, end, to, limit)) {
            return Status.ADMINISTERED;
        }
        // "started on Ativan 2 mg or IM if he refuses": after a cue, "if" qualifies the order; but "will need
        // Toprol-XL if symptoms persist" waits on the future whatever comes before it
        if ((terminator < 0 && startsBefore(HYPOTHETICAL_AFTER, text, end, to, limit))
                || startsBefore(CONDITION_AFTER, text, end, to, limit)) {
            return Status.HYPOTHETICAL;
        }
        return Status.CURRENT;
    }

    /**
     * Whether the words ending at {@code at} say an organism is sensitive or resistant to what follows
     * ("the urine culture grew E. coli, which was sensitive to"): a laboratory result, not the patient's
     * allergy or medication.
     */
    static boolean susceptibility(String text, int unitStart, int at) {
        int from = Math.max(unitStart, at - 30);
        if (!SUSCEPTIBILITY.matcher(text).region(from, at).find()) {
            return false;
        }
        return CULTURE.matcher(text).region(Math.max(unitStart, at - 120), at).find();
    }

    /** Whether a cue before the drug, in its sentence, says the patient takes it. */
    static boolean cued(String text, int unitStart, int start) {
        return lastEnd(POSITIVE_CUE, text, Math.max(unitStart, start - WINDOW), start) >= 0;
    }

    private static int lastEnd(Pattern pattern, String text, int from, int to) {
        if (from >= to) {
            return -1;
        }
        Matcher m = pattern.matcher(text).region(from, to);
        int end = -1;
        while (m.find()) {
            end = m.end();
        }
        return end;
    }

    /** Whether {@code pattern} matches in {@code text[from, to)} starting before {@code limit} or at it ("on hold"). */
    private static boolean startsBefore(Pattern pattern, String text, int from, int to, int limit) {
        int at = firstStart(pattern, text, from, to);
        return at >= 0 && at <= limit;
    }

    private static int firstStart(Pattern pattern, String text, int from, int to) {
        if (from >= to) {
            return -1;
        }
        Matcher m = pattern.matcher(text).region(from, to);
        return m.find() ? m.start() : -1;
    }
}
