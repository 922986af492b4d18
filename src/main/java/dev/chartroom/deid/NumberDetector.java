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

    private static final Pattern EMAIL = Pattern.compile(
            "(?i)(?<![\\w.+-])[\\w.+-]{1,64}@[a-z0-9-]{1,63}(?:\\.[a-z0-9-]{1,63})+(?![\\w-])");
    private static final Pattern URL = Pattern.compile(
            "(?i)\\b(?:(?:https?|ftp)://|www\\.)[^\\s<>\"'\\])]+"
                    + "|\\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:com|org|net|edu|gov|mil|io|info|biz|health|care"
                    + "|us|uk|ca|de|fr|nl|au|co|me|app|online)\\b(?:/[^\\s<>\"'\\])]*)?");
    private static final Pattern IPV4 = Pattern.compile(
            "(?<![\\d.])(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?![\\d.]*\\d)");
    private static final Pattern IPV6 = Pattern.compile(
            "(?i)(?<![\\w:])(?:(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|(?:[0-9a-f]{1,4}:){1,7}:(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,6})?"
                    + "|::(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})(?![\\w:])");
    private static final Pattern MAC = Pattern.compile("(?i)\\b(?:[0-9a-f]{2}[:-]){5}[0-9a-f]{2}\\b");
    private static final Pattern PHONE = Pattern.compile(
            "(?i)(?=[\\d(+e])(?:(?<![\\d/.-])(?:\\+?1[\\s.-]?)?(?:\\(\\d{3}\\)\\s?|\\d{3}[\\s.-])\\d{3}[\\s.-]\\d{4}(?![\\d/-]|\\.\\d)"
                    + "(?:\\s*(?:x|ext\\.?|extension)\\s*\\d{1,6})?"
                    + "|(?<![\\d/.-])\\+(?:[2-9]\\d{0,2})(?:[\\s.-]?\\(?\\d{1,4}\\)?){2,5}\\d(?![\\d/-])"
                    + "|(?<![\\d/.-])\\d{3}[\\s.-]\\d{4}(?=\\s*(?:\\(|\\b(?:cell|home|work|fax|mobile|phone|ph)\\b))"
                    + "|\\b(?:ext\\.?|extension)\\s*\\d{2,6}\\b)");
    private static final Pattern PHONE_CUE = Pattern.compile(
            "(?i)\\b(?:phone|tel|telephone|ph|cell|mobile|fax|pager|beeper|call(?:ed)?\\s+(?:at|on)|reach(?:ed)?\\s+at|contact(?:ed)?\\s+at)"
                    + "\\s*(?:#|no\\.?|number)?\\s*[:.=]?\\s*(\\+?[\\d(][\\d\\s().-]{5,18}\\d)");
    private static final Pattern SSN = Pattern.compile(
            "(?<![\\d-])\\d{3}-\\d{2}-\\d{4}(?![\\d-])|(?<![\\d-])\\d{3} \\d{2} \\d{4}(?![\\d-])"
                    + "|(?i)(?=\\d{9}\\b)(?<=\\b(?:ssn|social\\s+security(?:\\s+(?:number|no\\.?|#))?)\\s{0,3}[:#]?\\s{0,3})\\d{9}\\b");
    private static final Pattern CARD = Pattern.compile(
            "(?<![\\w-])\\d{4}(?:[ -]?\\d{4}){2,3}(?:[ -]?\\d{1,3})?(?![\\w-])");
    private static final Pattern IBAN = Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\\b");
    /** A cue word, then the number it names. */
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
                    + "|(?<dev>serial\\s*(?:#|no\\.?|number)?|S/N|SN|lot\\s*(?:#|no\\.?|number)?|UDI|device\\s*(?:id|#|identifier|no\\.?|number)"
                    + "|model\\s*(?:#|no\\.?|number)|IMEI|VIN|vehicle\\s*(?:id|#|identification\\s+number)|licen[cs]e\\s+plate"
                    + "|plate\\s*(?:#|no\\.?|number)?|tag\\s*(?:#|no\\.?|number)))"
                    + "\\s{0,3}(?:is|was|of|:|#|=|-)?\\s{0,3}[:#]?\\s{0,3}"
                    + "(?<code>(?:[A-Z]{2,5}[ -](?=\\d))?(?=[\\w()./-]*\\d)[A-Za-z0-9(][\\w()./-]{2,39}(?:[ -](?=[A-Z0-9]*\\d)[A-Z0-9]{2,10}){0,3})");
    private static final Pattern VIN = Pattern.compile("\\b(?=[A-HJ-NPR-Z0-9]*\\d[A-HJ-NPR-Z0-9]*[A-HJ-NPR-Z])"
            + "(?=[A-HJ-NPR-Z0-9]*[A-HJ-NPR-Z][A-HJ-NPR-Z0-9]*\\d)[A-HJ-NPR-Z0-9]{17}\\b");
    /** A long run of digits that is not a quantity: seven or more, not followed by a unit. */
    private static final Pattern LONG_NUMBER = Pattern.compile(
            "(?<![\\w.,/-])\\d{7,}(?![\\w.,/]|\\s*(?:mg|mcg|g|kg|ml|mL|units?|iu|IU|cells|copies|/))");
    /** Room and bed numbers are not identifiers: "Room 517-B", "Bed 12A". */
    private static final Pattern ROOM_BEFORE = Pattern.compile("(?i)(?:room|rm\\.?|bed|bay|unit|floor|suite|ward|exit|page|lead|step)\\s{1,3}$");
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

    /** Runs of text without spaces that hold a dot, an @ or a colon: the only places addresses can be. */
    private static final Pattern ADDRESS_LIKE = Pattern.compile("[^\\s<>\"'()\\[\\]]++");

    @Override
    public void find(String text, Subject subject, List<Finding> into) {
        // Addresses are scanned for only inside runs that could hold one: far fewer positions to try.
        for (Matcher run = ADDRESS_LIKE.matcher(text); run.find(); ) {
            int from = run.start();
            int to = run.end();
            if (to - from < 3 || !holdsAny(text, from, to)) {
                continue;
            }
            inRun(EMAIL, text, from, to, Identifier.EMAIL, into);
            for (Matcher m = URL.matcher(text).region(from, to).useTransparentBounds(true); m.find(); ) {
                int end = trimTrailingPunctuation(text, m.start(), m.end());
                if (end > m.start()) {
                    into.add(new Finding(Identifier.URL, m.start(), end));
                }
            }
            inRun(IPV4, text, from, to, Identifier.IP, into);
            for (Matcher m = IPV6.matcher(text).region(from, to).useTransparentBounds(true); m.find(); ) {
                if (m.group().chars().filter(c -> c == ':').count() >= 3 || m.group().contains("::") && m.group().length() > 4) {
                    into.add(new Finding(Identifier.IP, m.start(), m.end()));
                }
            }
            inRun(MAC, text, from, to, Identifier.DEVICE, into);
        }
        all(SSN, text, Identifier.SSN, into);
        all(PHONE, text, Identifier.PHONE, into);
        for (Matcher m = PHONE_CUE.matcher(text); m.find(); ) {
            long digits = m.group(1).chars().filter(Character::isDigit).count();
            if (digits >= 7 && digits <= 15) {
                into.add(new Finding(Identifier.PHONE, m.start(1), m.end(1)));
            }
        }
        all(CARD, text, Identifier.RECORD, into);
        all(IBAN, text, Identifier.RECORD, into);
        for (Matcher m = CUED.matcher(text); m.find(); ) {
            addCode(text, m, m.group("dev") != null ? Identifier.DEVICE : Identifier.RECORD, into);
        }
        all(VIN, text, Identifier.DEVICE, into);
        all(LONG_NUMBER, text, Identifier.OTHER, into);
        for (Pattern code : List.of(CODE, DASHED_NUMBER)) {
            for (Matcher m = code.matcher(text); m.find(); ) {
                if (!ROOM_BEFORE.matcher(text.substring(Math.max(0, m.start() - 12), m.start())).find()) {
                    into.add(new Finding(Identifier.OTHER, m.start(), m.end()));
                }
            }
        }
        for (Matcher m = NUMBERED.matcher(text); m.find(); ) {
            addCode(text, m, Identifier.OTHER, into);
        }
    }

    /** The code a cue introduced, without a full stop or bracket that ends the sentence. */
    private static void addCode(String text, Matcher m, Identifier kind, List<Finding> into) {
        int end = trimTrailingPunctuation(text, m.start("code"), m.end("code"));
        if (end > m.start("code")) {
            into.add(new Finding(kind, m.start("code"), end));
        }
    }

    private static boolean holdsAny(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '.' || c == '@' || c == ':') {
                return true;
            }
        }
        return false;
    }

    private static void inRun(Pattern pattern, String text, int from, int to, Identifier kind, List<Finding> into) {
        for (Matcher m = pattern.matcher(text).region(from, to).useTransparentBounds(true); m.find(); ) {
            if (m.end() > m.start()) {
                into.add(new Finding(kind, m.start(), m.end()));
            }
        }
    }

    private static void all(Pattern pattern, String text, Identifier kind, List<Finding> into) {
        for (Matcher m = pattern.matcher(text); m.find(); ) {
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
