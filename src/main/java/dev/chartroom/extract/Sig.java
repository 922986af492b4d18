package dev.chartroom.extract;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dosing instructions after a drug name ("10 mg PO BID", "2 puffs inhaled q6h as needed"),
 * normalized: dose as {@code "<amount> <unit>"}, route and frequency as the usual abbreviations.
 *
 * @param dose      e.g. {@code "10 mg"}, {@code "250/50 mcg"}, {@code "2 puffs"}, or null
 * @param route     e.g. {@code "PO"}, {@code "SC"}, {@code "inhaled"}, or null
 * @param frequency e.g. {@code "BID"}, {@code "q6h PRN"}, {@code "QHS"}, or null
 * @param end       offset just after the last part read; the start offset when none was
 */
record Sig(String dose, String route, String frequency, int end) {

    private static final Pattern DOSE = Pattern.compile(
            "(?<![\\w.])(\\d+(?:\\.\\d+)?(?:\\s*(?:/|-|to)\\s*\\d+(?:\\.\\d+)?)?)\\s*"
                    + "(mg|mcg|µg|ug|g|grams?|gm|ml|cc|units?|unt|u|iu|meq|puffs?|tablets?|tabs?|capsules?|caps?|"
                    + "drops?|"
                    + "gtts?|sprays?|patch(?:es)?|inhalations?|%)(?:\\s*/\\s*(ml|hr|h|kg|dose|actuation|"
                    + "spray))?(?![a-zµ])",
            Pattern.CASE_INSENSITIVE);

    private static final Map<String, String> UNITS = Map.ofEntries(
            Map.entry("µg", "mcg"),
            Map.entry("ug", "mcg"),
            Map.entry("gram", "g"),
            Map.entry("grams", "g"),
            Map.entry("gm", "g"),
            Map.entry("ml", "mL"),
            Map.entry("cc", "mL"),
            Map.entry("unit", "units"),
            Map.entry("unt", "units"),
            Map.entry("u", "units"),
            Map.entry("iu", "IU"),
            Map.entry("meq", "mEq"),
            Map.entry("tab", "tablet"),
            Map.entry("tabs", "tablet"),
            Map.entry("tablets", "tablet"),
            Map.entry("cap", "capsule"),
            Map.entry("caps", "capsule"),
            Map.entry("capsules", "capsule"),
            Map.entry("puffs", "puff"),
            Map.entry("drops", "drop"),
            Map.entry("gtt", "drop"),
            Map.entry("gtts", "drop"),
            Map.entry("sprays", "spray"),
            Map.entry("patches", "patch"),
            Map.entry("inhalations", "inhalation"));

    /** Units counted in pieces: plural unless the amount is exactly one. */
    private static final List<String> COUNTED =
            List.of("tablet", "capsule", "puff", "drop", "spray", "patch", "inhalation");

    private static final List<Term> ROUTES = List.of(
            term("PO", "po|p\\.o\\.?|per os|by mouth|orally|oral|swish and swallow"),
            term("IV", "iv|i\\.v\\.?|intravenous(?:ly)?|ivpb"),
            term("IM", "(?-i:IM)|i\\.m\\.|intramuscular(?:ly)?"),
            term("SC", "sc|sq|subq|sub-q|subcut|s\\.c\\.|subcutaneous(?:ly)?"),
            term("SL", "(?-i:SL)|sublingual(?:ly)?"),
            term("inhaled", "inhaled|inhalation|inhaler|inh|nebulized|via nebulizer|neb"),
            term("topical", "topical(?:ly)?|to affected area|to skin"),
            term("transdermal", "transdermal(?:ly)?"),
            term("PR", "(?-i:PR)|per rectum|rectal(?:ly)?"),
            term("nasal", "intranasal(?:ly)?|nasal(?:ly)?|per nostril|each nostril"),
            term("ophthalmic", "ophthalmic|in (?:each|both|the affected) eyes?"),
            term("intrauterine", "intrauterine"),
            term("vaginal", "vaginal(?:ly)?"));

    private static final List<Term> FREQUENCIES = List.of(
            term(
                    "BID",
                    "bid|b\\.i\\.d\\.?|twice (?:a |per )?day|twice daily|two times (?:a|per) day|2 times (?:a|"
                            + "per) day"),
            term("TID", "tid|t\\.i\\.d\\.?|three times (?:a |per )?day|three times daily|3 times (?:a|per) day"),
            term("QID", "qid|q\\.i\\.d\\.?|four times (?:a |per )?day|four times daily|4 times (?:a|per) day"),
            term("QHS", "qhs|q\\.h\\.s\\.?|hs|at bedtime|at night|nightly|every night|each night|before bed(?:time)?"),
            term("QOD", "qod|q\\.o\\.d\\.?|every other day"),
            term("weekly", "weekly|once (?:a|per) week|every week|q\\s?week|qwk"),
            term("monthly", "monthly|once (?:a|per) month|every month|q\\s?month"),
            term(
                    "daily",
                    "once daily|once (?:a|per) day|daily|qd|q\\.d\\.?|every day|each day|per day|qday|"
                            + "every morning|each morning|in the morning|qam|q\\.a\\.m\\.?"));

    private static final Pattern EVERY_HOURS = Pattern.compile(
            "(?<![\\w.])(?:q\\.?\\s?(\\d{1,2})(?:\\s?-\\s?(\\d{1,2}))?\\s?(?:h|hr|hrs|hours?)|every (\\d{1,2})"
                    + "(?:\\s?(?:-|to)\\s?(\\d{1,2}))? ?(?:hours?|hrs?|h))(?![\\w])",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern PRN = Pattern.compile(
            "(?<![\\w.])(?:prn|p\\.r\\.n\\.?|as needed|as-needed|when needed|if needed)(?![\\w])",
            Pattern.CASE_INSENSITIVE);

    static final Sig NONE = new Sig(null, null, null, 0);

    /**
     * Whether this is a regimen to keep taking, not a dose given once: a frequency by the day, week or
     * month ("daily", "b.i.d."), or by the hour by mouth, by a route other than a drip.
     */
    boolean isRegimen() {
        if (frequency == null || "IV".equals(route)) {
            return false;
        }
        String base = frequency.endsWith(" PRN") ? frequency.substring(0, frequency.length() - 4) : frequency;
        // by mouth every few hours ("1 p.o. q.4-6h p.r.n.") is taken at home too
        return REGIMENS.contains(base) || ("PO".equals(route) && base.startsWith("q"));
    }

    private static final Set<String> REGIMENS = Set.of("BID", "TID", "QID", "QHS", "QOD", "weekly", "monthly", "daily");

    boolean isEmpty() {
        return dose == null && route == null && frequency == null;
    }

    /** Reads the instructions in {@code text[from, to)}: the first dose, route and frequency found. */
    static Sig parse(CharSequence text, int start, int stop) {
        // Any bounds read as the part of [start, stop) inside the text, so a caller's arithmetic never throws here.
        int to = Math.clamp(stop, 0, text.length());
        int from = Math.clamp(start, 0, to);
        int end = from;
        String dose = null;
        Matcher d = DOSE.matcher(text).region(from, to);
        if (d.find()) {
            dose = dose(d);
            end = Math.max(end, d.end());
        }
        Found route = first(ROUTES, text, from, to);
        if (route != null) {
            end = Math.max(end, route.end);
        }
        Found base = first(FREQUENCIES, text, from, to);
        Matcher hours = EVERY_HOURS.matcher(text).region(from, to);
        if (hours.find() && (base == null || hours.start() < base.start)) {
            base = new Found(everyHours(hours), hours.start(), hours.end());
        }
        Matcher prn = PRN.matcher(text).region(from, to);
        boolean asNeeded = prn.find();
        String frequency = null;
        if (base != null) {
            frequency = asNeeded ? base.value + " PRN" : base.value;
            end = Math.max(end, base.end);
        } else if (asNeeded) {
            frequency = "PRN";
        }
        if (asNeeded) {
            end = Math.max(end, prn.end());
        }
        return new Sig(dose, route == null ? null : route.value, frequency, end);
    }

    private static String dose(Matcher m) {
        String amount = m.group(1).replaceAll("\\s+", "").replace("to", "-");
        String written = m.group(2).toLowerCase(Locale.ROOT);
        String unit = UNITS.getOrDefault(written, written);
        if (COUNTED.contains(unit) && !amount.equals("1")) {
            unit = unit.equals("patch") ? "patches" : unit + "s";
        }
        String per = m.group(3) == null
                ? ""
                : "/"
                        + UNITS.getOrDefault(
                                m.group(3).toLowerCase(Locale.ROOT), m.group(3).toLowerCase(Locale.ROOT));
        return unit.equals("%") ? amount + "%" : amount + " " + unit + per;
    }

    private static String everyHours(Matcher m) {
        String low = m.group(1) != null ? m.group(1) : m.group(3);
        String high = m.group(1) != null ? m.group(2) : m.group(4);
        return "q" + low + (high == null ? "" : "-" + high) + "h";
    }

    private static Found first(List<Term> terms, CharSequence text, int from, int to) {
        Found best = null;
        for (Term term : terms) {
            Matcher m = term.pattern.matcher(text).region(from, to);
            if (m.find()
                    && (best == null || m.start() < best.start || (m.start() == best.start && m.end() > best.end))) {
                best = new Found(term.value, m.start(), m.end());
            }
        }
        return best;
    }

    private static Term term(String value, String alternatives) {
        return new Term(
                value, Pattern.compile("(?<![\\w.])(?:" + alternatives + ")(?![\\w])", Pattern.CASE_INSENSITIVE));
    }

    private record Term(String value, Pattern pattern) {}

    private record Found(String value, int start, int end) {}
}
