package dev.chartroom.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A note cut into sections by its headings, for the rules that depend on where a drug is named:
 * intake-form titles in any case ("Medications:", "# Allergies", "Meds reviewed") and
 * transcription headings, upper case with or without a colon ("CURRENT MEDICATIONS",
 * "DESCRIPTION OF PROCEDURE:", "LABORATORY DATA:"). A heading's words decide its kind.
 */
final class Sections {

    enum Kind {
        /** What the patient takes: every drug named is current unless its context says otherwise. */
        MEDICATIONS,
        ALLERGIES,
        /** An operation, endoscopy, anaesthesia or imaging technique: its drugs were administered there. */
        PROCEDURE,
        /** Laboratory results: analytes, not drugs. */
        LABS,
        /** The family's history: another person's drugs. */
        FAMILY,
        /** Past medical or psychiatric history: a drug named is past unless a cue says it is taken now. */
        PAST,
        OTHER
    }

    record Section(Kind kind, int start, int end) {}

    private static final String MEDICATION_TITLES = "(?:(?:current|home|active|outpatient|discharge|admission|present)"
            + "[ \\t]+)?(?:medications?|meds|medication[ \\t]+list|med[ \\t]+list)";
    private static final String ALLERGY_TITLES = "(?:(?:drug|medication|known)[ \\t]+)?(?:allerg(?:y|ies)"
            + "(?:[ \\t]*(?:/|and)[ \\t]*(?:intolerances|adverse[ \\t]+reactions))?|allergy[ \\t]+list|"
            + "adverse[ \\t]+reactions)";
    private static final String OTHER_TITLES =
            "hpi|history of present illness|chief complaint|cc|assessment(?: and plan)?|"
                    + "assessment/plan|plan|a/p|impression|social(?: history)?|family history|past medical history|pmh|"
                    + "past surgical history|psh|surgical history|review of systems|ros|physical exam(?:ination)?|exam|"
                    + "vitals?|vital signs|labs?|results|problem list|problems|diagnos[ie]s|immunizations|procedures|"
                    + "subjective|objective|disposition|follow[- ]up|instructions|reason for visit|interval history|"
                    + "inpatient orders|orders";

    /** A section title at a line start or after a sentence: "Medications:", "# Allergies", "Meds reviewed". */
    private static final Pattern HEADER = Pattern.compile(
            "(?:^|(?<=[.;][ \\t]{1,4}))[ \\t]*(#{1,6}[ \\t]*)?"
                    + "(?:(" + MEDICATION_TITLES + ")|(" + ALLERGY_TITLES + ")|(" + OTHER_TITLES + "))"
                    + "([ \\t]+(?:reviewed|reconciled|verified|updated|include|includes|are|listed)"
                    + "(?:[ \\t]+(?:and|&)[ \\t]+(?:reconciled|updated|verified))?)?[ \\t]*([:\\-–—])?",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

    private static final Pattern MARKDOWN_HEADING = Pattern.compile("^[ \\t]*#{1,6}[ \\t]+\\S", Pattern.MULTILINE);
    /**
     * A transcription heading: upper-case words at a line start ending in a colon ("HOSPITAL COURSE:")
     * or alone on their line ("CURRENT MEDICATIONS  ", "PROCEDURES"). Lower-case letters are not
     * allowed, so a wrapped sentence's first words are never read as one.
     */
    private static final Pattern CAPITALS_HEADING = Pattern.compile(
            "^[ \\t]*([A-Z][A-Z0-9 /&(),'\\-]{1,60}?)[ \\t]*" + "(?::|(?=[ \\t]*$))", Pattern.MULTILINE);

    private static final Pattern LIST_ITEM = Pattern.compile("[ \\t]*(?:[-*•]|\\d{1,2}[.)])[ \\t]*");

    private static final Pattern ALLERGY_WORD = Pattern.compile("ALLERG|ADVERSE REACTION");
    private static final Pattern MEDICATION_WORD = Pattern.compile("\\b(?:MEDICATIONS?|MEDS|MEDICINES)\\b");
    private static final Pattern PROCEDURE_WORD =
            Pattern.compile("\\b(?:PROCEDURES?|OPERATIONS?|ANESTHESIA|ANAESTHESIA|"
                    + "TECHNIQUE|SEDATION|MATERIALS|IMPLANTS|COMPONENTS|FLUIDS|HEMOSTASIS|DELIVERY|PROCEDURE NOTE|"
                    + "INTERPRETATION|FINDINGS|INJECTABLES?|INJECTIONS?|DRAINS?|DRESSINGS?)\\b");
    private static final Pattern PROCEDURE_MEDICATIONS = Pattern.compile(
            "\\bPRE-?MEDICATIONS?\\b|\\b(?:MEDICATIONS?|MEDS)\\s+(?:AT THE TIME OF|DURING|FOR|GIVEN|USED)\\b|"
                    + "\\b(?:INTRAOPERATIVE|PROCEDURAL|SEDATION)\\s+(?:MEDICATIONS?|MEDS)\\b");
    private static final Pattern LAB_WORD = Pattern.compile("\\b(?:LAB|LABS|LABORATORY|LABORATORIES)\\b");
    private static final Pattern PAST_WORD = Pattern.compile("\\bPAST\\b|\\b(?:MEDICAL|PSYCHIATRIC|SURGICAL|SUBSTANCE|"
            + "ALCOHOL|DRUG|SOCIAL|SUBSTANCE ABUSE|SUBSTANCE AND ALCOHOL)\\s+HISTORY\\b");

    private Sections() {}

    /** The text cut into sections, in order, covering it all. */
    static List<Section> of(String text) {
        var headers = new TreeMap<Integer, int[]>(); // start -> {start, contentStart, kind}
        Matcher m = HEADER.matcher(text);
        // a title starts a line or follows a sentence: only those places are tried, not every offset
        int matched = 0;
        for (int at = 0; at >= 0 && at < text.length(); at = nextCandidate(text, at)) {
            if (at < matched || !m.region(at, text.length()).lookingAt()) {
                continue;
            }
            matched = m.end();
            boolean marked =
                    m.group(1) != null || m.group(5) != null || m.group(6) != null || lineEndsAt(text, m.end());
            if (!marked || (m.group(4) != null && m.group(6) == null && m.group(1) == null)) {
                continue;
            }
            Kind kind = m.group(2) != null
                    ? Kind.MEDICATIONS
                    : m.group(3) != null ? Kind.ALLERGIES : titled(m.group(4).toUpperCase(Locale.ROOT));
            headers.put(m.start(), new int[] {m.start(), m.end(), kind.ordinal()});
        }
        Matcher markdown = MARKDOWN_HEADING.matcher(text);
        while (markdown.find()) {
            addUnlessCovered(headers, markdown.start(), lineEnd(text, markdown.start()), Kind.OTHER);
        }
        Matcher capitals = CAPITALS_HEADING.matcher(text);
        while (capitals.find()) {
            String title = capitals.group(1).strip();
            boolean colon = capitals.end() < text.length() && text.charAt(capitals.end()) == ':';
            // a line of capitals without a colon is a heading only when short: an all-capitals
            // sentence wrapped onto its own line is not one
            if (title.chars().filter(Character::isLetter).count() >= 2 && (colon || title.split(" +").length <= 5)) {
                int contentStart = colon ? capitals.end() + 1 : capitals.end();
                addUnlessCovered(headers, capitals.start(), contentStart, titled(title));
            }
        }
        var ordered = new ArrayList<>(headers.values());
        var sections = new ArrayList<Section>();
        int at = 0;
        for (int i = 0; i < ordered.size(); i++) {
            int[] header = ordered.get(i);
            if (header[0] < at) {
                continue;
            }
            if (header[0] > at) {
                sections.add(new Section(Kind.OTHER, at, header[0]));
            }
            int next = i + 1 < ordered.size() ? ordered.get(i + 1)[0] : text.length();
            // A heading read to its line end ("NOTE: 3rd. Medications:") may hold the next header:
            // its content stops where that one starts, so sections never overlap or run backwards.
            int contentStart = Math.min(header[1], next);
            Kind kind = Kind.values()[header[2]];
            int end = kind == Kind.MEDICATIONS || kind == Kind.ALLERGIES ? listEnd(text, contentStart, next) : next;
            sections.add(new Section(kind, contentStart, end));
            at = end;
        }
        if (at < text.length()) {
            sections.add(new Section(Kind.OTHER, at, text.length()));
        }
        return sections;
    }

    /** The kind an upper-case title names: "DISCHARGE MEDICATIONS", "DESCRIPTION OF PROCEDURE", "LAB DATA". */
    static Kind titled(String title) {
        if (ALLERGY_WORD.matcher(title).find()) {
            return Kind.ALLERGIES;
        }
        // "PREMEDICATIONS", "MEDICATIONS AT THE TIME OF STUDY": what the procedure gave
        if (PROCEDURE_MEDICATIONS.matcher(title).find()) {
            return Kind.PROCEDURE;
        }
        if (MEDICATION_WORD.matcher(title).find() && !title.contains("HISTORY")) {
            return Kind.MEDICATIONS;
        }
        if (title.contains("INDICATION") || title.contains("DIAGNOS") || title.contains("HISTORY OF PRESENT")) {
            return Kind.OTHER;
        }
        if (title.contains("FAMILY")) {
            return Kind.FAMILY;
        }
        if (PAST_WORD.matcher(title).find()) {
            return Kind.PAST;
        }
        if (LAB_WORD.matcher(title).find()) {
            return Kind.LABS;
        }
        if (PROCEDURE_WORD.matcher(title).find()) {
            return Kind.PROCEDURE;
        }
        return Kind.OTHER;
    }

    private static void addUnlessCovered(TreeMap<Integer, int[]> headers, int at, int contentStart, Kind kind) {
        var before = headers.floorEntry(at);
        var after = headers.ceilingEntry(at);
        if ((before == null || at >= before.getValue()[1] + 1) && (after == null || after.getKey() >= contentStart)) {
            headers.put(at, new int[] {at, contentStart, kind.ordinal()});
        }
    }

    /** The next offset after {@code at} where a title may start: a line start, or after "." or ";" and a space. */
    private static int nextCandidate(String text, int at) {
        for (int i = at + 1; i < text.length(); i++) {
            char previous = text.charAt(i - 1);
            if (previous == '\n' || (previous == ' ' || previous == '\t') && i >= 2 && sentenceEndBefore(text, i - 1)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether one to four spaces or tabs ending at {@code end} (inclusive) follow a "." or ";". */
    private static boolean sentenceEndBefore(String text, int end) {
        int i = end;
        while (i >= 0 && end - i < 4 && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i--;
        }
        return i >= 0 && (text.charAt(i) == '.' || text.charAt(i) == ';');
    }

    /** A list section ends at the next header or at a blank line followed by something that is not a list item. */
    private static int listEnd(String text, int from, int limit) {
        boolean content = false;
        int lineStart = from;
        boolean blankSeen = false;
        while (lineStart < limit) {
            int lineEnd = lineStart;
            while (lineEnd < limit && text.charAt(lineEnd) != '\n') {
                lineEnd++;
            }
            String line = text.substring(lineStart, lineEnd);
            if (line.isBlank()) {
                blankSeen = content;
            } else {
                if (blankSeen && !LIST_ITEM.matcher(line).lookingAt()) {
                    return lineStart;
                }
                content = true;
                blankSeen = false;
            }
            lineStart = lineEnd + 1;
        }
        return limit;
    }

    private static boolean lineEndsAt(String text, int at) {
        int i = at;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\r')) {
            i++;
        }
        return i == text.length() || text.charAt(i) == '\n';
    }

    private static int lineEnd(String text, int from) {
        int newline = text.indexOf('\n', from);
        return newline < 0 ? text.length() : newline;
    }
}
