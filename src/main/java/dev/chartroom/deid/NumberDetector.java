package dev.chartroom.deid;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identifiers written as numbers or codes: e-mail, URLs, IP and MAC addresses, phone and fax
 * numbers, SSNs, record, plan, account, certificate and licence numbers (by their cue words or by
 * the shape of a card or account number), vehicle and device identifiers, and any other long
 * number or letter-digit code. Clinical numbers (doses, lab values, blood pressures, ICD codes)
 * are short or carry units, and are left alone.
 */
final class NumberDetector implements Detector {

    private static final Pattern EMAIL =
            Pattern.compile("(?i)(?<![\\w.+-])[\\w.+-]{1,64}@[a-z0-9-]{1,63}(?:\\.[a-z0-9-]{1,63})+(?![\\w-])");
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:(?:https?|ftp)://|www\\.)[^\\s<>\"'\\])]+"
            + "|\\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:com|org|net|edu|gov|mil|io|info|biz|health|care"
            + "|us|uk|ca|de|fr|nl|au|co|me|app|online)\\b(?:/[^\\s<>\"'\\])]*)?");
    private static final Pattern IPV4 = Pattern.compile(
            "(?<![\\d.])(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?![\\d.]*\\d)");
    private static final Pattern IPV6 = Pattern.compile(
            "(?i)(?<![\\w:])(?:(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|(?:[0-9a-f]{1,4}:){1,7}:(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,6})?"
                    + "|::(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})(?![\\w:])");
    private static final Pattern MAC = Pattern.compile("(?i)\\b(?:[0-9a-f]{2}[:-]){5}[0-9a-f]{2}\\b");
    private static final Pattern PHONE = Pattern.compile(
            "(?i)(?=[\\d(+e])(?:(?<![\\d/.-])(?:\\+?1[\\s.-]?)?(?:\\(\\d{3}\\)\\s?|\\d{3}[\\s.-])\\d{3}[\\s.-]\\d{4}(?![\\d/]|[.-]\\d)"
                    + "(?:\\s*(?:x|ext\\.?|extension)\\s*\\d{1,6})?"
                    + "|(?<![\\d/.-])\\+(?:[2-9]\\d{0,2})(?:[\\s.-]?\\(?\\d{1,4}\\)?){2,5}\\d(?![\\d/]|-\\d)"
                    + "|(?<![\\d/.-])\\d{3}[\\s.-]\\d{4}(?=\\s*(?:\\(|\\b(?:cell|home|work|fax|mobile|phone|ph)\\b))"
                    + "|\\b(?:ext\\.?|extension)\\s*\\d{2,6}\\b)");
    private static final Pattern PHONE_CUE =
            Pattern.compile("(?i)\\b(?:phone|tel|telephone|ph|cell|mobile|fax|pager|beeper|contact(?:ed)?\\s+at"
                    // Who is called, texted or written to at a number: "call me on", "messages to", "my registered".
                    + "|(?:call(?:ed)?|reach(?:ed)?|text(?:ed)?)(?:\\s+(?:me|us|him|her|them))?\\s+(?:at|on)|answering\\s+at"
                    + "|messages?\\s+to|registered(?:\\s+(?:number|phone|mobile))?|(?:phone\\s+)?number\\s+is|whatsapp|sms)"
                    + "\\s*(?:#|no\\.?|number)?\\s*[:.=]?\\s*(\\+?[\\d(][\\d\\s().-]{5,18}\\d)");
    private static final Pattern SSN = Pattern.compile(
            "(?<![\\d-])\\d{3}-\\d{2}-\\d{4}(?![\\d-])|(?<![\\d-])\\d{3} \\d{2} \\d{4}(?![\\d-])"
                    + "|(?i)(?=\\d{9}\\b)(?<=\\b(?:ssn|social\\s+security(?:\\s+(?:number|no\\.?|#))?)\\s{0,3}[:#]?\\s{0,3})\\d{9}\\b");
    private static final Pattern CARD =
            Pattern.compile("(?<![\\w-])\\d{4}(?:[ -]?\\d{4}){2,3}(?:[ -]?\\d{1,3})?(?![\\w-])");
    private static final Pattern IBAN =
            Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\\b");
    /** What a cue names: a code with a digit, in up to four groups (PJN 612345, (01)00889024312573(17)280630). */
    private static final String CODE_AFTER_CUE =
            "(?:[A-Z]{2,5}[ -](?=\\d))?(?=[\\w()./-]*\\d)[A-Za-z0-9(][\\w()./-]{2,59}"
                    + "(?:[ -](?=[A-Z0-9]*\\d)[A-Z0-9]{2,10}){0,3}";
    /** A cue word, then the number it names (or several: "serials A1234 and A1235"). */
    private static final Pattern CUED = Pattern.compile(
            "(?i)\\b(?<cue>MRN|MR\\s?#|MR\\s+no\\.?|medical\\s+record(?:\\s+(?:number|no\\.?|#))?|record\\s*(?:#|no\\.?|number)"
                    + "|chart\\s*(?:#|no\\.?|number)|acct\\.?|account(?:\\s+(?:number|no\\.?|#))?|member(?:\\s+(?:id|#|no\\.?|number))?"
                    + "|subscriber(?:\\s+(?:id|#|no\\.?|number))?|policy(?:\\s+(?:id|#|no\\.?|number))?|group\\s*(?:#|no\\.?|number|id)"
                    + "|group(?=\\s{1,3}\\d)|plan\\s*(?:id|#|no\\.?|number)|health\\s+plan(?:\\s+(?:id|#|no\\.?|number))?|insurance\\s*(?:id|#|no\\.?|number)"
                    + "|beneficiary(?:\\s+(?:id|#|no\\.?|number))?|medicaid(?:\\s+(?:id|#|no\\.?|number))?"
                    + "|medicare(?:\\s+(?:id|#|no\\.?|number))?|MBI|HICN|claim\\s*(?:#|no\\.?|number|id)?"
                    + "|certificate\\s*(?:#|no\\.?|number)?|licen[cs]e\\s*(?:#|no\\.?|number)?|DL\\s*(?:#|no\\.?)?"
                    + "|driver'?s?\\s+licen[cs]e(?:\\s+(?:#|no\\.?|number))?|DEA(?:\\s*(?:#|no\\.?|number))?"
                    + "|NPI(?:\\s*(?:#|no\\.?|number))?|accession\\s*(?:#|no\\.?|number)?|specimen\\s*(?:id|#|no\\.?|number)"
                    + "|patient\\s*(?:id|#|no\\.?|number)|pt\\.?\\s*(?:id|#)|(?<![\\w-])ID\\s*(?:#|no\\.?|number)?"
                    + "|identifier|encounter\\s*(?:id|#|no\\.?|number)|visit\\s*(?:id|#|no\\.?|number)|case\\s*(?:#|no\\.?|number|id)"
                    + "|subject\\s*(?:id|#|no\\.?|number)|study\\s*(?:id|#)|participant\\s*(?:id|#)|card\\s*(?:#|no\\.?|number)"
                    + "|credit\\s+card|IBAN|routing\\s*(?:#|no\\.?|number)?|passport\\s*(?:#|no\\.?|number)?|badge\\s*(?:#|no\\.?|number)?"
                    + "|employee\\s*(?:id|#|no\\.?|number)|reference\\s*(?:#|no\\.?|number)|ref\\.?\\s*#|authori[sz]ation\\s*(?:#|no\\.?|number)"
                    + "|prior\\s+auth(?:ori[sz]ation)?\\s*(?:#|no\\.?|number)?|PA\\s*#|confirmation\\s*(?:#|no\\.?|number)"
                    + "|(?<dev>serial\\s*(?:#|no\\.?|number)?|ser\\.?\\s*(?:#|no\\.)|S/N|SN|lot\\s*(?:#|no\\.?|number)?|UDI(?:-DI)?"
                    + "|device\\s*(?:id|#|identifier|no\\.?|number)"
                    + "|model\\s*(?:#|no\\.?|number)|IMEI|VIN|vehicle\\s*(?:id|#|identification\\s+number)|licen[cs]e\\s+plate"
                    + "|plate\\s*(?:#|no\\.?|number)?|tags?\\s*(?:#|no\\.?|number)?|registration\\s*(?:#|no\\.?|number)"
                    // What labels an implant, pump or monitor: its catalogue and part numbers, its transmitter or
                    // generator.
                    + "|catalog(?:ue)?\\s*(?:#|no\\.?|number)?|cat\\.?\\s*(?:#|no\\.?)|P/N|part\\s*(?:#|no\\.?|number)"
                    + "|asset(?:\\s+tag)?\\s*(?:#|no\\.?|number)?|equipment\\s*(?:id|#|no\\.?|number)"
                    + "|(?:transmitter|sensor|generator|implant|pump|monitor|meter|pacemaker|defibrillator|ICD|stimulator"
                    + "|hearing\\s+aids?|CGM|battery|lens|IOL|valve|prosthesis)\\s*(?:id|#|serial|sn|s/n|no\\.?|number)))"
                    // What may stand between a cue and its code: a plural ("serials", "lot #s"), "number", a verb
                    // ("is", "reads", "ending in"), a colon.
                    + "(?:\\s{0,3}(?:s\\b|\\(s\\)|#s?|nos?\\.|numbers?|is|are|was|were|of|reads?|reading|ending(?:\\s+in)?"
                    + "|ends\\s+in|recorded\\s+as|listed\\s+as|:|=|-)){0,3}\\s{0,3}[:#]?\\s{0,3}"
                    + "(?<code>" + CODE_AFTER_CUE + "(?:\\s{0,2}(?:,|;|/|&|and|or)\\s{0,2}(?=[\\w()./-]{5})"
                    + CODE_AFTER_CUE + "){0,5})");

    private static final Pattern VIN = Pattern.compile("\\b(?=[A-HJ-NPR-Z0-9]*\\d[A-HJ-NPR-Z0-9]*[A-HJ-NPR-Z])"
            + "(?=[A-HJ-NPR-Z0-9]*[A-HJ-NPR-Z][A-HJ-NPR-Z0-9]*\\d)[A-HJ-NPR-Z0-9]{17}\\b");
    /** A GS1 device identifier by its shape: (01) and the 14-digit GTIN, then lot, dates and serial: (17)280630(10)2K48391. */
    private static final Pattern UDI =
            Pattern.compile("\\(01\\)[ \\t]?\\d{14}(?:[ \\t]?\\(\\d{2,4}\\)[ \\t]?[\\w.-]{1,20}){0,6}");
    /** A long run of digits that is not a quantity: seven or more, not followed by a unit. */
    private static final Pattern LONG_NUMBER =
            Pattern.compile("(?<![\\w.,/-])\\d{7,}(?![\\w.,/]|\\s*(?:mg|mcg|g|kg|ml|mL|units?|iu|IU|cells|copies|/))");
    /** Room and bed numbers are not identifiers: "Room 517-B", "Bed 12A". */
    private static final Pattern ROOM_BEFORE =
            Pattern.compile("(?i)(?:room|rm\\.?|bed|bay|unit|floor|suite|ward|exit|page|lead|step)\\s{1,3}$");
    /** A code of capitals and digits in groups, with at least three digits: AB-2231-X, 4471-XK9, K88412. */
    private static final Pattern CODE = Pattern.compile(
            "(?<![\\w-])(?=[A-Z0-9])(?=(?:[A-Z-]*\\d){3})(?=[\\dA-Z-]*[A-Z])(?=[A-Z0-9-]{6})[A-Z0-9]{1,12}(?:-[A-Z0-9]{1,12}){1,4}(?![\\w-])"
                    + "|(?<![\\w-])(?=[A-Z0-9])(?=(?:[A-Z]*\\d){4})(?=\\d*[A-Z])[A-Z0-9]{6,20}(?![\\w-])");
    /** Digits in dashed groups, seven or more in all: 24-118873, 11-204-6689 (not a date, not a phone). */
    private static final Pattern DASHED_NUMBER = Pattern.compile(
            "(?<![\\w.-])(?=\\d)(?!\\d{4}-\\d{1,2}-\\d{1,2}(?![\\d-]))(?=(?:-?\\d){7})\\d{1,8}(?:-\\d{1,8}){1,3}(?![\\w-])");
    /** Any word, then "#", "no." or "number", then a code with a digit: Incident #: 24-118873, Kit no. K88412. */
    private static final Pattern NUMBERED = Pattern.compile(
            "(?i)\\b(?!(?:room|rm|bed|bay|unit|floor|suite|ward|page|step|day|week|dose|cycle|gravida|para|grade|stage|level|size"
                    + "|french|lead|channel|line|tab|vial|version|v|exit|question|item|problem|number|no|apt|apartment)\\b)[a-z]{2,20}\\.?"
                    + "\\s{0,2}(?:#|no\\.|num(?:ber)?\\.?)\\s{0,2}:?\\s{0,2}(?<code>(?=[\\w/-]*\\d)[A-Za-z0-9][\\w/-]{1,30})");

    private static final Rule SSN_RULE = Rule.startingAt(SSN, Scan::digitStarts);
    private static final Scan.Lead EXT = Scan.Lead.of("ext");
    private static final Rule PHONE_RULE = Rule.startingAt(
            PHONE, scan -> Scan.union(phoneDigitStarts(scan), scan.positionsOf("(+"), scan.wordsLed(EXT)));
    private static final Scan.Lead PHONE_CUES = Scan.Lead.of(
            "ph",
            "tel",
            "cell",
            "mobile",
            "fax",
            "pager",
            "beeper",
            "call",
            "reach",
            "contact",
            "text",
            "answering",
            "messag",
            "registered",
            "number",
            "whatsapp",
            "sms");
    private static final Rule PHONE_CUE_RULE = Rule.startingAt(PHONE_CUE, scan -> scan.wordsLed(PHONE_CUES));
    private static final Rule CARD_RULE = Rule.startingAt(CARD, Scan::digitStarts);
    private static final Rule IBAN_RULE = Rule.startingAt(IBAN, scan -> scan.wordsOfLength(2));
    /** The first word of each cue of {@link #CUED} begins with one of these. */
    private static final Scan.Lead CUE_LEAD = Scan.Lead.of(
            "mr",
            "medical",
            "record",
            "chart",
            "acc",
            "member",
            "subscriber",
            "policy",
            "group",
            "plan",
            "health",
            "insurance",
            "beneficiary",
            "medic",
            "mbi",
            "hicn",
            "claim",
            "certificate",
            "licen",
            "dl",
            "driver",
            "dea",
            "npi",
            "specimen",
            "patient",
            "pt",
            "id",
            "encounter",
            "visit",
            "case",
            "subject",
            "study",
            "participant",
            "card",
            "credit",
            "iban",
            "routing",
            "passport",
            "badge",
            "employee",
            "ref",
            "authori",
            "prior",
            "pa",
            "confirmation",
            "serial",
            "sn",
            "lot",
            "udi",
            "device",
            "model",
            "imei",
            "vin",
            "vehicle",
            "plate",
            "tag",
            "registration",
            "catalog",
            "cat",
            "part",
            "asset",
            "equipment",
            "transmitter",
            "sensor",
            "generator",
            "implant",
            "ser",
            "pump",
            "monitor",
            "meter",
            "pacemaker",
            "defibrillator",
            "icd",
            "stimulator",
            "hearing",
            "cgm",
            "battery",
            "lens",
            "iol",
            "valve",
            "prosthesis");
    /** S/N, P/N: the word is the letter alone. */
    private static final Scan.Lead S_OF_SN = Scan.Lead.exactly("s", "p");

    private static final Rule CUED_RULE =
            Rule.startingAt(CUED, scan -> Scan.union(scan.wordsLed(CUE_LEAD), scan.wordsLed(S_OF_SN)));
    private static final Rule UDI_RULE = Rule.startingAt(UDI, scan -> scan.positionsOf("("));
    private static final Rule VIN_RULE = Rule.startingAt(VIN, scan -> wordRunStarts(scan, 17));
    private static final Rule LONG_NUMBER_RULE = Rule.startingAt(LONG_NUMBER, Scan::digitStarts);
    private static final Rule CODE_RULE = Rule.startingAt(CODE, scan -> codeStarts(scan));
    private static final Rule DASHED_NUMBER_RULE = Rule.startingAt(DASHED_NUMBER, Scan::digitStarts);
    private static final Rule NUMBERED_RULE = Rule.startingAt(NUMBERED, NumberDetector::numberedStarts);

    /** The rules over the whole text, for {@code RuleTests}. */
    static final List<Rule> RULES = List.of(
            SSN_RULE,
            PHONE_RULE,
            PHONE_CUE_RULE,
            CARD_RULE,
            IBAN_RULE,
            CUED_RULE,
            UDI_RULE,
            VIN_RULE,
            LONG_NUMBER_RULE,
            CODE_RULE,
            DASHED_NUMBER_RULE,
            NUMBERED_RULE);

    @Override
    public void find(Scan scan, Subject subject, List<Finding> into) {
        String text = scan.text;
        // Addresses are scanned for only inside runs that could hold one (no spaces; a dot, an @ or a colon).
        int n = text.length();
        Matcher email = EMAIL.matcher(text).useTransparentBounds(true);
        Matcher url = URL.matcher(text).useTransparentBounds(true);
        Matcher ipv4 = IPV4.matcher(text).useTransparentBounds(true);
        Matcher ipv6 = IPV6.matcher(text).useTransparentBounds(true);
        Matcher mac = MAC.matcher(text).useTransparentBounds(true);
        for (int from = 0; from < n; ) {
            if (!inAddressRun(text.charAt(from))) {
                from++;
                continue;
            }
            int to = from;
            int dots = 0;
            int colons = 0;
            int dashes = 0;
            boolean at = false;
            while (to < n && inAddressRun(text.charAt(to))) {
                char c = text.charAt(to++);
                dots += c == '.' ? 1 : 0;
                colons += c == ':' ? 1 : 0;
                dashes += c == '-' ? 1 : 0;
                at |= c == '@';
            }
            if (to - from >= 3 && (dots > 0 || colons > 0 || at) && scan.looksAt(from)) {
                // What each pattern cannot match without (an @, three dots, two colons, five separators) is not looked
                // for.
                if (at) {
                    inRun(email, from, to, Identifier.EMAIL, into);
                }
                if (mayHoldUrl(text, from, to)) {
                    for (url.region(from, to); url.find(); ) {
                        int end = trimTrailingPunctuation(text, url.start(), url.end());
                        if (end > url.start()) {
                            into.add(new Finding(Identifier.URL, url.start(), end));
                        }
                    }
                }
                if (dots >= 3) {
                    inRun(ipv4, from, to, Identifier.IP, into);
                }
                if (colons >= 2) {
                    for (ipv6.region(from, to); ipv6.find(); ) {
                        if (ipv6.group().chars().filter(c -> c == ':').count() >= 3
                                || ipv6.group().contains("::") && ipv6.group().length() > 4) {
                            into.add(new Finding(Identifier.IP, ipv6.start(), ipv6.end()));
                        }
                    }
                }
                if (colons + dashes >= 5) {
                    inRun(mac, from, to, Identifier.DEVICE, into);
                }
            }
            from = to;
        }
        all(SSN_RULE, scan, Identifier.SSN, into);
        all(PHONE_RULE, scan, Identifier.PHONE, into);
        Rule.Hits cued = PHONE_CUE_RULE.in(scan);
        for (Matcher m; (m = cued.next()) != null; ) {
            long digits = m.group(1).chars().filter(Character::isDigit).count();
            if (digits >= 7 && digits <= 15) {
                into.add(new Finding(Identifier.PHONE, m.start(1), m.end(1)));
            }
        }
        all(CARD_RULE, scan, Identifier.RECORD, into);
        all(IBAN_RULE, scan, Identifier.RECORD, into);
        Rule.Hits codes = CUED_RULE.in(scan);
        for (Matcher m; (m = codes.next()) != null; ) {
            addCode(text, m, m.group("dev") != null ? Identifier.DEVICE : Identifier.RECORD, into);
        }
        all(UDI_RULE, scan, Identifier.DEVICE, into);
        all(VIN_RULE, scan, Identifier.DEVICE, into);
        all(LONG_NUMBER_RULE, scan, Identifier.OTHER, into);
        Matcher room = ROOM_BEFORE.matcher(text);
        for (Rule rule : List.of(CODE_RULE, DASHED_NUMBER_RULE)) {
            Rule.Hits hits = rule.in(scan);
            for (Matcher m; (m = hits.next()) != null; ) {
                if (!room.region(Math.max(0, m.start() - 12), m.start()).find()) {
                    into.add(new Finding(Identifier.OTHER, m.start(), m.end()));
                }
            }
        }
        Rule.Hits numbered = NUMBERED_RULE.in(scan);
        for (Matcher m; (m = numbered.next()) != null; ) {
            addCode(text, m, Identifier.OTHER, into);
        }
    }

    /**
     * Digit runs a phone number can start with: three digits (the area code or exchange), or a
     * leading 1 (alone, or with the area code after it).
     */
    private static int[] phoneDigitStarts(Scan scan) {
        String text = scan.text;
        var out = new Scan.IntList(256);
        for (int p : scan.digitStarts()) {
            int end = p;
            while (end < text.length() && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
                end++;
            }
            int length = end - p;
            if (length == 3 || (length == 1 || length == 4) && text.charAt(p) == '1') {
                out.add(p);
            }
        }
        return out.toArray();
    }

    /** What {@code [^\\s<>"'()\\[\\]]} matches: a character that can be part of an address. */
    private static boolean inAddressRun(char c) {
        return !(c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == '<' || c == '>'
                || c == '"' || c == '\'' || c == '(' || c == ')' || c == '[' || c == ']');
    }

    /** A URL has "://", "www." or a dot before a letter (its domain's ending): other runs are not searched. */
    private static boolean mayHoldUrl(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '.' && i + 1 < to && text.charAt(i + 1) < 128 && Character.isLetter(text.charAt(i + 1))
                    || c == ':' && text.startsWith("//", i + 1)
                    || (c == 'w' || c == 'W') && text.regionMatches(true, i, "www.", 0, 4)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWordChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }

    /** Starts of runs of word characters that begin with a capital or digit. */
    private static int[] capitalOrDigitRunStarts(Scan scan) {
        String text = scan.text;
        var out = new Scan.IntList(256);
        for (int p : Scan.union(scan.wordStarts(), scan.digitStarts())) {
            char c = text.charAt(p);
            if ((c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') && (p == 0 || !isWordChar(text.charAt(p - 1)))) {
                out.add(p);
            }
        }
        return out.toArray();
    }

    /** Where a run of exactly {@code length} word characters (capitals and digits) starts. */
    private static int[] wordRunStarts(Scan scan, int length) {
        String text = scan.text;
        var out = new Scan.IntList(16);
        for (int p : capitalOrDigitRunStarts(scan)) {
            int end = p + length;
            if (end <= text.length()
                    && isWordChar(text.charAt(end - 1))
                    && (end == text.length() || !isWordChar(text.charAt(end)))) {
                out.add(p);
            }
        }
        return out.toArray();
    }

    /** Where a code of {@link #CODE} can start: a capital or digit after no word character or dash, six code characters on. */
    private static int[] codeStarts(Scan scan) {
        String text = scan.text;
        var out = new Scan.IntList(256);
        for (int p : capitalOrDigitRunStarts(scan)) {
            if (p > 0 && text.charAt(p - 1) == '-' || p + 6 > text.length()) {
                continue;
            }
            boolean six = true;
            for (int i = p; i < p + 6 && six; i++) {
                char c = text.charAt(i);
                six = c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-';
            }
            if (six) {
                out.add(p);
            }
        }
        return out.toArray();
    }

    /** Words with "#", "no." or "num" close enough after them to be {@link #NUMBERED}'s. */
    private static int[] numberedStarts(Scan scan) {
        String text = scan.text;
        var markers = new Scan.IntList(64);
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == '#'
                    || (c == 'n' || c == 'N')
                            && (text.regionMatches(true, i, "no.", 0, 3) || text.regionMatches(true, i, "num", 0, 3))) {
                markers.add(i);
            }
        }
        int[] at = markers.toArray();
        var out = new Scan.IntList(64);
        int[] starts = scan.wordStarts();
        int j = 0;
        for (int p : starts) {
            // Two to twenty letters, a full stop and two spaces at most: the marker is at most 23 on.
            while (j < at.length && at[j] < p + 2) {
                j++;
            }
            if (j < at.length && at[j] <= p + 23) {
                out.add(p);
            }
        }
        return out.toArray();
    }

    /** The code a cue introduced, without a full stop or bracket that ends the sentence. */
    private static void addCode(String text, Matcher m, Identifier kind, List<Finding> into) {
        int end = trimTrailingPunctuation(text, m.start("code"), m.end("code"));
        if (end > m.start("code")) {
            into.add(new Finding(kind, m.start("code"), end));
        }
    }

    private static void inRun(Matcher m, int from, int to, Identifier kind, List<Finding> into) {
        for (m.region(from, to); m.find(); ) {
            if (m.end() > m.start()) {
                into.add(new Finding(kind, m.start(), m.end()));
            }
        }
    }

    private static void all(Rule rule, Scan scan, Identifier kind, List<Finding> into) {
        Rule.Hits hits = rule.in(scan);
        for (Matcher m; (m = hits.next()) != null; ) {
            if (m.end() > m.start()) {
                into.add(new Finding(kind, m.start(), m.end()));
            }
        }
    }

    /** A URL or code at the end of a sentence keeps its full stop, comma or closing bracket outside. */
    static int trimTrailingPunctuation(String text, int start, int end) {
        while (end > start && ".,;:!?)]'\"".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return end;
    }
}
