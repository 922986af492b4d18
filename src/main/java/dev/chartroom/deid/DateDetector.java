package dev.chartroom.deid;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates in the forms notes use (2024-03-14, 03/14/2024, 3/14/24, 14.03.2024, March 14, 2024,
 * 14 Mar 2024, the 14th of March, Mar 2024, "on 3/14"), with a time after them, and ages over 89.
 * A date is shifted by the subject's offset and written {@code [DATE yyyy-MM-dd]} ({@code [DATE yyyy-MM]}
 * for a month, {@code [DATE MM-dd]} without a year), so intervals between dates survive; a year on
 * its own is not an identifier and stays. Fractions, ratios and blood pressures have two parts and
 * no cue word, so they are not dates.
 */
final class DateDetector implements Detector {

    private static final String MONTH =
            "(?<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
                    + "|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY"
                    + "|JUNE?|JULY?|AUG(?:UST)?|SEP(?:T(?:EMBER)?)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)\\.?";
    private static final String WEEKDAY =
            "(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\\.?,?\\s+)?";
    private static final String DAY = "(?<day>0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?";
    private static final String YEAR = "(?<year>(?:1[89]|20)\\d{2})";
    private static final String TIME =
            "(?:,?\\s*(?:at\\s+|@\\s*)?(?:[01]?\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d)?(?:\\s*[AaPp]\\.?[Mm]\\.?)?"
                    + "(?:\\s*(?:hrs|hours|h))?|,?\\s+(?:at\\s+)?(?:[01]?\\d|2[0-3])[0-5]\\d\\s*(?:hrs|hours|h)\\b)?";

    private static final Pattern ISO = Pattern.compile("(?<![\\d./-])" + YEAR
            + "[-/.](?<m>0?[1-9]|1[0-2])[-/.](?<d>0?[1-9]|[12]\\d|3[01])(?:T[\\d:.]+Z?)?(?![\\d/-]|\\.\\d)" + TIME);
    private static final Pattern NUMERIC = Pattern.compile(
            "(?<![\\d./-])(?<a>0?[1-9]|[12]\\d|3[01])(?<sep>[/.-])(?<b>0?[1-9]|[12]\\d|3[01])\\k<sep>(?<y>(?:1[89]|20)\\d{2}|\\d{2})"
                    + "(?![\\d/-]|\\.\\d)" + TIME);
    private static final Pattern MONTH_DAY_YEAR =
            Pattern.compile("\\b" + WEEKDAY + MONTH + "\\s+" + DAY + "(?:,?\\s+" + YEAR + ")?(?![\\w:])" + TIME);
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("\\b" + WEEKDAY + "(?:the\\s+)?" + DAY
            + "(?:\\s+of)?[\\s-]+" + MONTH + "(?:,?[\\s-]+" + YEAR + ")?(?![\\w:])" + TIME);
    private static final Pattern MONTH_YEAR =
            Pattern.compile("\\b(?:early\\s+|mid-?\\s*|late\\s+)?" + MONTH + ",?\\s+(?:of\\s+)?" + YEAR + "\\b");
    /** Month and day without a year: only after a word that says a date follows (on 3/14, since 3/14). */
    private static final Pattern CUED_MONTH_DAY = Pattern.compile(
            "(?i)(?:\\b(?:on|since|from|until|till|through|thru|by|dated|before|after|starting|started|effective|DOS:?|seen|of|last|next"
                    + "|delivered|given|due|drawn|placed|done|scheduled|performed|collected|returned|admitted|discharged|called|visit"
                    + "|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\\.?,?\\s+|\\()"
                    + "(?<m>0?[1-9]|1[0-2])/(?<d>0?[1-9]|[12]\\d|3[01])(?![\\w/]|\\.\\d)");

    private static final Pattern AGE = Pattern.compile(
            "(?i)(?=[\\da])(?<![\\w.])(?:(?:9\\d|1[0-4]\\d)(?:\\s*|-)(?:years?|yrs?|y)(?:\\s*|-)(?:old|o\\.?)\\b|(?:9\\d|1[0-4]\\d)\\s*(?:yo|y/o|y\\.o\\.?|yrs?|years)\\b"
                    + "|(?:9\\d|1[0-4]\\d)-?(?:year|yr)-?old\\b"
                    + "|\\b(?:age[ds]?|aged)\\s*(?::|of|is)?\\s*(?:9\\d|1[0-4]\\d)\\b(?:\\s*(?:years?|yrs?|yo))?"
                    + "|\\b(?:9\\d|1[0-4]\\d)(?=\\s*(?:year|yr)s?\\s+of\\s+age)"
                    + "|(?<=\\b(?:alive|died|death|deceased|passed(?:\\s+away)?|living|still\\s+living)\\s(?:at|aged?)\\s(?:age\\s)?)(?:9\\d|1[0-4]\\d)\\b)");

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1),
            Map.entry("feb", 2),
            Map.entry("mar", 3),
            Map.entry("apr", 4),
            Map.entry("may", 5),
            Map.entry("jun", 6),
            Map.entry("jul", 7),
            Map.entry("aug", 8),
            Map.entry("sep", 9),
            Map.entry("oct", 10),
            Map.entry("nov", 11),
            Map.entry("dec", 12));

    private static final Scan.Lead MONTHS_LEAD =
            Scan.Lead.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    private static final Scan.Lead WEEKDAYS_LEAD = Scan.Lead.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final Rule ISO_RULE = Rule.startingAt(ISO, Scan::digitStarts);
    private static final Rule NUMERIC_RULE = Rule.startingAt(NUMERIC, Scan::digitStarts);
    private static final Rule MONTH_DAY_YEAR_RULE = Rule.startingAt(
            MONTH_DAY_YEAR, scan -> Scan.union(scan.wordsLed(WEEKDAYS_LEAD), scan.wordsLed(MONTHS_LEAD)));
    private static final Scan.Lead THE = Scan.Lead.of("the");
    private static final Rule DAY_MONTH_YEAR_RULE = Rule.startingAt(
            DAY_MONTH_YEAR, scan -> Scan.union(dayStarts(scan), scan.wordsLed(WEEKDAYS_LEAD), scan.wordsLed(THE)));
    private static final Scan.Lead EARLY_MID_LATE = Scan.Lead.of("early", "mid", "late");
    private static final Rule MONTH_YEAR_RULE =
            Rule.startingAt(MONTH_YEAR, scan -> Scan.union(scan.wordsLed(MONTHS_LEAD), scan.wordsLed(EARLY_MID_LATE)));
    private static final Scan.Lead MONTH_DAY_CUES = Scan.Lead.of(
            "on",
            "since",
            "from",
            "until",
            "till",
            "through",
            "thru",
            "by",
            "dated",
            "before",
            "after",
            "starting",
            "started",
            "effective",
            "dos",
            "seen",
            "of",
            "last",
            "next",
            "delivered",
            "given",
            "due",
            "drawn",
            "placed",
            "done",
            "scheduled",
            "performed",
            "collected",
            "returned",
            "admitted",
            "discharged",
            "called",
            "visit",
            "mon",
            "tue",
            "wed",
            "thu",
            "fri",
            "sat",
            "sun");
    private static final Rule CUED_MONTH_DAY_RULE =
            Rule.startingAt(CUED_MONTH_DAY, scan -> Scan.union(scan.positionsOf("("), scan.wordsLed(MONTH_DAY_CUES)));
    private static final Scan.Lead AGE_WORDS = Scan.Lead.of("age");
    private static final Rule AGE_RULE =
            Rule.startingAt(AGE, scan -> Scan.union(ageStarts(scan), scan.wordsLed(AGE_WORDS)));

    /** The rules, for {@code RuleTests}. */
    static final List<Rule> RULES = List.of(
            ISO_RULE,
            NUMERIC_RULE,
            MONTH_DAY_YEAR_RULE,
            DAY_MONTH_YEAR_RULE,
            MONTH_YEAR_RULE,
            CUED_MONTH_DAY_RULE,
            AGE_RULE);

    @Override
    public void find(Scan scan, Subject subject, List<Finding> into) {
        int shift = subject.dateShiftDays();
        Rule.Hits iso = ISO_RULE.in(scan);
        for (Matcher m; (m = iso.next()) != null; ) {
            add(into, m, full(m.group("year"), m.group("m"), m.group("d"), shift));
        }
        Rule.Hits numeric = NUMERIC_RULE.in(scan);
        for (Matcher m; (m = numeric.next()) != null; ) {
            // US order (month first) unless the first part cannot be a month, or dots say day-first.
            int a = Integer.parseInt(m.group("a"));
            int b = Integer.parseInt(m.group("b"));
            boolean dayFirst = a > 12 || m.group("sep").equals(".") && b <= 12;
            if (!dayFirst && a > 12 || dayFirst && b > 12) {
                continue;
            }
            String year = fullYear(m.group("y"));
            add(
                    into,
                    m,
                    dayFirst
                            ? full(year, m.group("b"), m.group("a"), shift)
                            : full(year, m.group("a"), m.group("b"), shift));
        }
        for (Rule rule : List.of(MONTH_DAY_YEAR_RULE, DAY_MONTH_YEAR_RULE)) {
            Rule.Hits hits = rule.in(scan);
            for (Matcher m; (m = hits.next()) != null; ) {
                String month = String.valueOf(month(m.group("month")));
                add(
                        into,
                        m,
                        m.group("year") == null
                                ? monthDay(month, m.group("day"), shift)
                                : full(m.group("year"), month, m.group("day"), shift));
            }
        }
        Rule.Hits monthYear = MONTH_YEAR_RULE.in(scan);
        for (Matcher m; (m = monthYear.next()) != null; ) {
            add(into, m, monthOnly(m.group("year"), month(m.group("month")), shift));
        }
        Rule.Hits monthDay = CUED_MONTH_DAY_RULE.in(scan);
        for (Matcher m; (m = monthDay.next()) != null; ) {
            into.add(new Finding(
                    Identifier.DATE, m.start("m"), m.end("d"), monthDay(m.group("m"), m.group("d"), shift)));
        }
        Rule.Hits age = AGE_RULE.in(scan);
        for (Matcher m; (m = age.next()) != null; ) {
            into.add(new Finding(Identifier.AGE, m.start(), m.end()));
        }
    }

    /** One or two digits, then a space, a dash or an ordinal's ending: a day before its month. */
    private static int[] dayStarts(Scan scan) {
        String text = scan.text;
        var out = new Scan.IntList(256);
        for (int p : scan.digitStarts()) {
            int end = p;
            while (end < text.length() && end - p <= 2 && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
                end++;
            }
            char next = end < text.length() ? text.charAt(end) : 0;
            if (end - p <= 2 && (Character.isWhitespace(next) || next == '-' || "snrt".indexOf(next) >= 0)) {
                out.add(p);
            }
        }
        return out.toArray();
    }

    /** An age over 89 starts with 9, or with 10 to 14. */
    private static int[] ageStarts(Scan scan) {
        String text = scan.text;
        var out = new Scan.IntList(64);
        for (int p : scan.digitStarts()) {
            char second = p + 1 < text.length() ? text.charAt(p + 1) : 0;
            if (text.charAt(p) == '9' || text.charAt(p) == '1' && second >= '0' && second <= '4') {
                out.add(p);
            }
        }
        return out.toArray();
    }

    private static void add(List<Finding> into, Matcher m, String replacement) {
        int end = m.end();
        while (end > m.start() && Character.isWhitespace(m.group().charAt(end - m.start() - 1))) {
            end--;
        }
        into.add(new Finding(Identifier.DATE, m.start(), end, replacement));
    }

    private static int month(String name) {
        return MONTHS.getOrDefault(name.substring(0, 3).toLowerCase(Locale.ROOT), 1);
    }

    private static String fullYear(String year) {
        if (year.length() == 4) {
            return year;
        }
        int two = Integer.parseInt(year);
        // Two-digit years in notes are births and visits: 00–39 read as 20xx, the rest as 19xx.
        return String.valueOf(two < 40 ? 2000 + two : 1900 + two);
    }

    private static String full(String year, String month, String day, int shift) {
        if (shift == 0) {
            return Identifier.DATE.surrogate();
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
            return "[DATE " + date.plusDays(shift) + "]";
        } catch (DateTimeException | NumberFormatException e) {
            return Identifier.DATE.surrogate();
        }
    }

    private static String monthDay(String month, String day, int shift) {
        if (shift == 0) {
            return Identifier.DATE.surrogate();
        }
        try {
            // A leap year, so that 29 February has somewhere to be.
            LocalDate date = LocalDate.of(2000, Integer.parseInt(month), Integer.parseInt(day))
                    .plusDays(shift);
            return String.format(Locale.ROOT, "[DATE %02d-%02d]", date.getMonthValue(), date.getDayOfMonth());
        } catch (DateTimeException | NumberFormatException e) {
            return Identifier.DATE.surrogate();
        }
    }

    private static String monthOnly(String year, int month, int shift) {
        if (shift == 0) {
            return Identifier.DATE.surrogate();
        }
        YearMonth shifted =
                YearMonth.from(LocalDate.of(Integer.parseInt(year), month, 15).plusDays(shift));
        return "[DATE " + shifted + "]";
    }
}
