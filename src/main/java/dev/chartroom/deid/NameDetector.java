package dev.chartroom.deid;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Person names: those the record states, those a cue introduces (Dr., Mrs., "Patient:",
 * "DICTATED BY:", "Electronically signed by", "his wife", "My name is", a credential after the name),
 * "LAST, FIRST" forms, and given or family names from the lexicon in company of another name. A name
 * found once is removed wherever else it appears in the text. Eponyms, drug names and words that
 * are only sometimes names (Rose, Hope) are kept unless a cue says a person.
 */
final class NameDetector implements Detector {

    private static final String CAP = "(?:\\p{Lu}['’])?\\p{Lu}[\\p{Ll}\\p{M}]+(?:\\p{Lu}[\\p{Ll}\\p{M}]+)?(?:[-'’]\\p{Lu}?[\\p{Ll}\\p{M}]+)*";
    private static final String UPPER = "(?:\\p{Lu}['’])?\\p{Lu}{2,}(?:[-'’]\\p{Lu}{2,})*";
    private static final String INITIAL = "\\p{Lu}\\.?(?![\\p{L}])";
    private static final String PARTICLE = "(?:van|von|der|den|de|del|della|di|da|du|la|le|bin|ibn|al|el|ten|ter|dos|das|St\\.|Ste?\\.?)";
    private static final String UPPER_PARTICLE = "(?:VAN|VON|DER|DEN|DE|DEL|DELLA|DI|DA|DU|LA|LE|BIN|IBN|AL|EL|TEN|TER|ST\\.?)";
    /** A nickname in quotes between given and family name: Patricia "Patty" Doyle. */
    private static final String NICKNAME = "(?:[\"“(][\\p{L} .'-]{1,20}[\"”)])";
    private static final String TOKEN = "(?:" + CAP + "|" + INITIAL + ")";
    /** First M. Last, J. Smith, Maria de la Cruz, Mary-Kate O'Brien. */
    private static final String TITLE_CASE = TOKEN + "(?:[ \\t]+(?:" + NICKNAME + "[ \\t]+)?(?:" + PARTICLE + "[ \\t]+)*" + TOKEN + "){0,3}";
    /** SMITH, JOHN A / Smith, John A. */
    private static final String LAST_FIRST = "(?:(?:" + UPPER_PARTICLE + "[ \\t]+)*" + UPPER + ",[ \\t]*(?:" + UPPER + "|" + INITIAL + ")(?:[ \\t]+(?:" + UPPER + "|" + INITIAL + "))?"
            + "|" + CAP + ",[ \\t]*" + CAP + "(?:[ \\t]+(?:" + CAP + "|" + INITIAL + "))?)";
    private static final String UPPER_SEQ = "(?:" + UPPER + "|" + INITIAL + ")(?:[ \\t]+(?:" + UPPER + "|" + INITIAL + ")){1,3}";
    private static final String ANY_NAME = "(?<name>" + LAST_FIRST + "|" + UPPER_SEQ + "|" + TITLE_CASE + "|" + UPPER + ")";

    private static final Pattern TITLED = Pattern.compile(
            "\\b(?:Dr|Drs|Mr|Mrs|Ms|Mx|Messrs|Miss|Prof|Sr|Sra|Srta|Rev|Fr)\\.?[ \\t]+(?=\\p{L})(?<particles>(?:" + PARTICLE + "[ \\t]+)*)" + ANY_NAME
                    + "|\\b(?i:doctor|nurse|professor|pastor|rabbi|father|sister|officer|judge|attorney|coach|dear)[ \\t]+"
                    + "(?<name2>" + TITLE_CASE + ")");
    /** A label that names a person, ending where its separator starts; matched backwards from each separator. */
    private static final Pattern LABEL_AT_END = Pattern.compile(
            "\\b(?i:(?:[a-z]+[ \\t]+)?(?:patient(?:'s)?(?:[ \\t]+(?:full[ \\t]+)?name)?|pt(?:\\.|[ \\t]+name)?|name|full[ \\t]+name|client|resident|member(?:[ \\t]+name)?"
                    + "|insured|subscriber|guarantor|beneficiary|policy[ \\t]*holder|dictated[ \\t]+by|transcribed[ \\t]+by|typed[ \\t]+by"
                    + "|(?:electronically[ \\t]+)?signed(?:[ \\t]+by)?|authenticated[ \\t]+by|reviewed[ \\t]+by|verified[ \\t]+by|approved[ \\t]+by"
                    + "|ordered[ \\t]+by|prescribed[ \\t]+by|entered[ \\t]+by|reported[ \\t]+by|read[ \\t]+by|performed[ \\t]+by|seen[ \\t]+by"
                    + "|referred[ \\t]+by|referr(?:ing|al)(?:[ \\t]+(?:physician|provider|doctor|md|clinician))?|attending(?:[ \\t]+(?:physician|md|doctor))?"
                    + "|physician|provider|clinician|pcp|primary[ \\t]+care(?:[ \\t]+(?:physician|provider|doctor))?|surgeon|assistant|assistants"
                    + "|anesthesiologist|anesthesia|anesthetist|resident|fellow|intern|radiologist|pathologist|pharmacist|therapist|counselor"
                    + "|social[ \\t]+worker|case[ \\t]+manager|care[ \\t]+coordinator|interpreter|scribe|dentist|hygienist|midwife|nurse|rn|np|pa"
                    + "|cc|c\\.c\\.|copy[ \\t]+to|copies[ \\t]+to|to|from|attn|attention|re|regarding|contact|emergency[ \\t]+contact"
                    + "|next[ \\t]+of[ \\t]+kin|nok|guardian|parent|mother|father|spouse|caregiver|informant|historian|accompanied[ \\t]+by"
                    + "|witness|witnessed[ \\t]+by|consent(?:ed)?[ \\t]+by|requested[ \\t]+by|requesting[ \\t]+physician|technologist|tech"
                    + "|author|addressee|recipient|sender|employer|emergency|technician|technologist|adjuster|decedent|deceased"
                    + "|investigator|representative|chaplain|paramedic|emt|crew|driver|owner|ordering|md|do|doctor|coordinator"
                    + "|manager|officer|worker|aide|cna|ma|lpn|rep|agent|liaison|advocate|donor|sponsor|monitor|contact[ \\t]+person"
                    + "|person[ \\t]+present|present|attendees?|participants?|family[ \\t]+present|visitor))"
                    + "[ \\t]*\\z");
    private static final Pattern LABEL_SEPARATOR = Pattern.compile("(?:[:#]|[ \\t]-{1,2}[ \\t]|—)[ \\t]*");
    private static final Pattern NAME_HERE = Pattern.compile(ANY_NAME);
    /** A role word before a name in prose: "RN Hollis Greer", "Paramedic S. Kowalski", "chaplain Fr. Obi". */
    private static final Pattern ROLE = Pattern.compile(
            "\\b(?:RN|LPN|NP|PA|EMT|CNA|MA|MD|(?i:nurse|paramedic|technician|tech|therapist|chaplain|pharmacist|interpreter|adjuster"
                    + "|investigator|caseworker|case\\s+worker|representative|aide|physician|resident|intern|fellow|attending|surgeon"
                    + "|coordinator|manager|officer|deputy|trooper|social\\s+worker|teacher|counselor|counsellor|midwife|doula|dentist"
                    + "|hygienist|dietitian|nutritionist|scribe|student|volunteer|supervisor|director|colleague|partner\\s+dr\\.?))"
                    + "[ \\t]+(?<name>" + TITLE_CASE + ")");
    /** A name that ends where a credential starts; matched backwards from each credential found. */
    private static final Pattern NAME_AT_END = Pattern.compile("(?<![\\p{L}.'’-])" + ANY_NAME + "\\z");
    private static final Pattern CREDENTIAL = Pattern.compile(
            "(?<=[\\p{L}.]),?[ \\t]+(?:M\\.?D\\.?|D\\.?O\\.?|R\\.?N\\.?|N\\.?P\\.?|PA-C|P\\.?A\\.?|Ph\\.?D\\.?|DDS|DMD|PharmD|Pharm\\.?D\\.?|LPN|CNA|MSW"
                    + "|LCSW|LICSW|LMFT|LPC|FNP(?:-C|-BC)?|ANP|APRN|CRNA|CNM|DNP|DPM|OD|DPT|PT|OTR(?:/L)?|RD|RDN|MPH|MBBS|FACS|FACP"
                    + "|FRCP|FRCS|RPh|CCC-SLP|SLP|BSN|MSN|EMT|EMT-P|LVN|RRT|NP-C|COA|COT|COMT|CCDS|CEPS|CST|RT|RDMS|RVT|RDCS|RCS"
                    + "|CMA|RMA|MT|MLS|MLT|CLS|HTL|CPhT|PharmD|DC|LAc|CRNP|ACNP|AGNP|PMHNP|WHNP|CPNP|DNP|EdD|PsyD|LMHC|LADC"
                    + "|BCBA|CCM|CDE|CDCES|IBCLC|CNS|CCRN|CEN|OCN|RNC|MS|MA|BS|BA|MBA|MHA|JD|Esq\\.?)\\b");
    private static final Pattern RELATIVE = Pattern.compile(
            "(?:\\b(?:wife|husband|son|daughter|mother|mom|father|dad|brother|sister|spouse|partner|fianc[ée]e?|boyfriend|girlfriend"
                    + "|aunt|uncle|niece|nephew|cousin|grand(?:mother|father|son|daughter|ma|pa)|stepson|stepdaughter|stepmother|stepfather"
                    + "|in-law|friend|neighbou?r|roommate|caregiver|guardian|sibling|child|baby|infant|twin|colleague|coworker|employer"
                    + "|landlord|pastor|case\\s+worker))(?:'s)?,?[ \\t]+(?:named[ \\t]+|is[ \\t]+|was[ \\t]+)?"
                    + "(?<name>" + TITLE_CASE + ")");
    private static final Pattern SELF_NAMED = Pattern.compile(
            "(?i:\\b(?:(?<strong>my\\s+name\\s+is|name\\s+is|names?\\s+are|this\\s+is|i\\s+am|i'm|call\\s+me|goes\\s+by|known\\s+as|named"
                    + "|called|aka|a\\.k\\.a\\.|sincerely|regards|respectfully|cordially|dictated\\s+by|signed\\s+by)"
                    + "|per|by|with|and|to|from|for|spoke\\s+(?:with|to)|met\\s+with|discussed\\s+with|d/w|visited\\s+by|seen\\s+by|thanks|thank\\s+you))"
                    + ",?\\s+(?<name>" + TITLE_CASE + "|" + LAST_FIRST + ")");
    private static final Pattern BARE_LAST_FIRST = Pattern.compile("(?<![\\p{L}])" + LAST_FIRST + "(?![\\p{L}])");
    private static final Pattern WORD = Pattern.compile("(?:\\p{Lu}['’])?\\p{L}[\\p{L}\\p{M}]*(?:[-'’]\\p{L}[\\p{L}\\p{M}]*)*");

    /** Words a name never starts with or holds: articles, pronouns, headings, clinical words. */
    private static final Set<String> NEVER = Set.of(
            "the", "a", "an", "this", "that", "these", "those", "he", "she", "his", "her", "him", "hers", "they", "them",
            "their", "we", "our", "you", "your", "it", "its", "i", "me", "my", "is", "was", "and", "or", "of", "to", "in",
            "on", "at", "for", "with", "by", "from", "as", "no", "not", "none", "unknown", "n/a", "na", "patient", "pt",
            "patients", "doctor", "dr", "mr", "mrs", "ms", "miss", "nurse", "date", "time", "name", "age", "sex", "male",
            "female", "dob", "mrn", "history", "hx", "diagnosis", "dx", "plan", "assessment", "impression", "reason",
            "report", "note", "notes", "page", "signed", "dictated", "chief", "complaint", "subjective", "objective",
            "exam", "examination", "physical", "review", "systems", "medications", "medication", "allergies", "allergy",
            "vitals", "vital", "signs", "labs", "lab", "results", "result", "procedure", "procedures", "findings",
            "indication", "indications", "clinic", "hospital", "center", "medical", "health", "care", "department", "unit",
            "service", "services", "emergency", "family", "social", "past", "present", "illness", "hpi", "ros", "pmh",
            "psh", "fh", "sh", "rx", "tx", "sig", "prn", "left", "right", "bilateral", "normal", "negative", "positive",
            "yes", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
            "tomorrow", "january", "february", "march", "april", "june", "july", "august", "september", "october",
            "november", "december", "discharge", "admission", "admitted", "follow", "up", "return", "call", "phone", "fax",
            "email", "address", "street", "city", "state", "zip", "county", "general", "surgery", "surgical", "internal",
            "medicine", "pediatrics", "cardiology", "oncology", "radiology", "pathology", "neurology", "psychiatry",
            "orthopedics", "urology", "dermatology", "ophthalmology", "obstetrics", "gynecology", "anesthesia", "primary",
            "attending", "resident", "physician", "provider", "md", "do", "rn", "np", "pa", "phd", "copy", "cc", "re",
            "attn", "dear", "sincerely", "thank", "thanks", "regards", "please", "will", "would", "should", "could", "may",
            "might", "can", "has", "have", "had", "been", "be", "are", "were", "did", "does", "done", "see", "seen", "per",
            "all", "any", "some", "other", "new", "old", "first", "last", "next", "then", "also", "again", "here", "there",
            "when", "where", "what", "who", "how", "why", "if", "but", "so", "because", "after", "before", "during",
            "since", "until", "while", "about", "over", "under", "between", "without", "within", "into", "onto", "status",
            "post", "type", "total", "daily", "weekly", "monthly", "morning", "evening", "night", "bedtime", "tablet",
            "tablets", "capsule", "capsules", "dose", "doses", "mg", "ml", "iv", "po", "im", "sq", "subcutaneous", "oral",
            "insurance", "group", "member", "policy", "claim", "account", "record", "number", "id", "code", "ssn", "mother",
            "father", "wife", "husband", "son", "daughter", "brother", "sister", "spouse", "friend", "partner", "mom",
            "dad", "baby", "infant", "child", "children", "twin", "parents", "parent", "guardian", "caregiver", "english",
            "spanish", "interpreter", "language", "pain", "fever", "cough", "nausea", "vomiting", "blood", "pressure",
            "heart", "rate", "lung", "lungs", "abdomen", "chest", "head", "neck", "back", "skin", "extremities", "alert",
            "oriented", "stable", "improved", "improving", "worse", "well", "good", "fair", "poor", "mild", "moderate",
            "severe", "acute", "chronic", "recent", "current", "prior", "previous", "known", "denies", "reports", "states",
            "complains", "presents", "presented", "arrived", "noted", "continue", "continued", "start", "started", "stop",
            "stopped", "increase", "decrease", "hold", "held", "resume", "consider", "recommend", "recommended", "refer",
            "referred", "referral", "consult", "consultation", "letter", "summary", "progress", "operative", "op", "pre",
            "postop", "preop", "hospital course", "course", "condition", "disposition", "instructions", "diet", "activity",
            "wound", "incision", "dressing", "drain", "tube", "line", "catheter", "x-ray", "ct", "mri", "ekg", "ecg",
            "echo", "us", "cbc", "bmp", "cmp", "ua", "pt/inr", "a1c", "tsh", "bun", "wbc", "hgb", "plt", "k", "cl", "co2",
            "glucose", "otherwise", "office", "visit", "appointment", "telephone", "encounter", "message", "spoke",
            "called", "voicemail", "pharmacy", "refill", "prescription", "order", "orders", "ordered", "sent", "received",
            "faxed", "mailed", "avenue", "road", "suite", "apt", "box", "floor", "room", "bed", "bay", "ward", "icu", "er",
            "ed", "pacu", "nicu", "picu", "sicu", "micu", "ccu", "rehab", "snf", "home", "hospice", "nursing", "facility",
            "dictation", "transcription", "transcribed", "electronically", "reviewed", "approved", "verified", "confirmed",
            "addendum", "amended", "final", "preliminary", "original", "attachment", "enclosure", "re:", "subject", "hi",
            "hello", "mr.", "mrs.", "ms.", "dr.", "sir", "madam", "team", "staff", "everyone", "whom", "concern");
    /** Clinical words after an eponym that say it is not a person: Murphy sign, Foley catheter. */
    private static final Pattern CLINICAL_NOUN_AFTER = Pattern.compile(
            "(?i)^(?:'s|’s|')?[ \\t-]*(?:disease|syndrome|sign|signs|test|catheter|scale|score|criteria|classification|procedure"
                    + "|operation|repair|line|shunt|tumou?r|sarcoma|palsy|phenomenon|esophagus|lymphoma|reflex|maneuver|manoeuvre"
                    + "|fracture|ulcer|monitor|bag|tube|node|stain|staining|disorder|contracture|cyst|hernia|diverticulum|triad"
                    + "|pentad|law|equation|formula|curve|method|position|incision|retractor|forceps|clamp|needle|blade|cannula"
                    + "|mask|drain|port|pump|filter|valve|chart|rule|index|grade|stage|staging|class|type|variant|anomaly|malformation"
                    + "|lesion|spots?|nodes?|bodies|body|cells?|granules?|fibers?|ducts?|glands?|canal|space|area|line|lines|sheath"
                    + "|ganglion|loop|cap|effect|response|deformity|dystrophy|ataxia|chorea|dementia|encephalopathy|neuropathy"
                    + "|arthritis|thyroiditis|anemia|anaemia|fever|cardiomyopathy|aneurysm|block|rhythm|wave|murmur|pulse|respiration"
                    + "|breathing|lymphoma|leukemia|tables?|tablets?|capsules?|\\d)");

    private final Lexicon lexicon;

    NameDetector(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    @Override
    public void find(String text, Subject subject, List<Finding> into) {
        var found = new ArrayList<int[]>();
        for (Matcher m = TITLED.matcher(text); m.find(); ) {
            String group = m.group("name") != null ? "name" : "name2";
            int start = m.group("name") != null && !m.group("particles").isEmpty() ? m.start("particles") : m.start(group);
            addName(text, start, m.end(group), true, found);
        }
        for (Matcher separator = LABEL_SEPARATOR.matcher(text); separator.find(); ) {
            int lineStart = Math.max(text.lastIndexOf('\n', separator.start()) + 1, separator.start() - 48);
            if (LABEL_AT_END.matcher(text).region(lineStart, separator.start()).useTransparentBounds(true).find()) {
                Matcher m = NAME_HERE.matcher(text).region(separator.end(), text.length());
                if (m.lookingAt()) {
                    addName(text, m.start("name"), m.end("name"), true, found);
                }
            }
        }
        for (Matcher c = CREDENTIAL.matcher(text); c.find(); ) {
            Matcher m = NAME_AT_END.matcher(text).region(Math.max(0, c.start() - 60), c.start()).useTransparentBounds(true);
            if (m.find()) {
                addName(text, m.start("name"), m.end("name"), true, found);
            }
        }
        for (Matcher m = ROLE.matcher(text); m.find(); ) {
            addName(text, m.start("name"), m.end("name"), false, found);
        }
        for (Matcher m = RELATIVE.matcher(text); m.find(); ) {
            addName(text, m.start("name"), m.end("name"), false, found);
        }
        for (Matcher m = SELF_NAMED.matcher(text); m.find(); ) {
            // After a plain word (with, by, and) only a name the lexicon knows: "with Hypertension" is not one.
            String first = m.group("name").split("[ \\t,]+")[0];
            if (m.group("strong") != null || lexiconName(first) || first.length() <= 2 && m.group("name").contains(" ")) {
                addName(text, m.start("name"), m.end("name"), false, found);
            }
        }
        for (Matcher m = BARE_LAST_FIRST.matcher(text); m.find(); ) {
            String[] parts = m.group().split(",");
            if (lexiconName(parts[0].strip()) || lexiconName(parts[1].strip().split("[ \\t]+")[0])) {
                addName(text, m.start(), m.end(), false, found);
            }
        }
        lexiconNames(text, found);

        // Every word of a name found above (and of the record's names) is removed wherever it appears.
        Set<String> learned = new LinkedHashSet<>();
        for (int[] span : found) {
            for (Matcher w = WORD.matcher(text).region(span[0], span[1]); w.find(); ) {
                learned.add(w.group());
            }
        }
        for (String known : subject.knownNames()) {
            for (Matcher w = WORD.matcher(known); w.find(); ) {
                if (w.group().length() >= 2) {
                    learned.add(w.group());
                }
            }
        }
        // One pass per spelling rule: ordinary words (Hope, Grant) as capitalised or all capitals, the rest in any case.
        var anyCase = new ArrayList<String>();
        var capitalised = new ArrayList<String>();
        for (String word : learned) {
            if (word.length() < 2 || NEVER.contains(lower(word)) || lexicon.isClinical(word) && !isKnown(word, subject)) {
                continue;
            }
            if (lexicon.isOrdinaryWord(word) && !isKnown(word, subject)) {
                capitalised.add(Pattern.quote(word));
                capitalised.add(Pattern.quote(word.toUpperCase(Locale.ROOT)));
            } else {
                anyCase.add(Pattern.quote(word));
            }
        }
        for (var words : List.of(anyCase, capitalised)) {
            if (words.isEmpty()) {
                continue;
            }
            words.sort(java.util.Comparator.comparingInt(String::length).reversed());
            Pattern anywhere = Pattern.compile("(?<![\\p{L}\\p{M}])(?:" + String.join("|", words) + ")(?![\\p{L}\\p{M}])",
                    words == anyCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
            for (Matcher m = anywhere.matcher(text); m.find(); ) {
                int end = m.end();
                // Kowalczyk-Dunn: a double-barrelled name goes whole.
                while (end + 1 < text.length() && text.charAt(end) == '-' && Character.isUpperCase(text.charAt(end + 1))) {
                    Matcher rest = WORD.matcher(text).region(end + 1, text.length());
                    if (!rest.lookingAt()) {
                        break;
                    }
                    end = rest.end();
                }
                if (lexicon.isClinical(m.group()) && clinicalNounAfter(text, m.end())) {
                    continue;
                }
                found.add(new int[] {m.start(), end});
            }
        }
        for (int[] span : found) {
            into.add(new Finding(Identifier.NAME, span[0], span[1]));
        }
    }

    private boolean isKnown(String word, Subject subject) {
        return subject.knownNames().stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT)));
    }

    /**
     * A cue's candidate, trimmed to the words that can be a name: it stops at the first word that is
     * never part of one; an eponym followed by a clinical noun (Murphy sign) is not a person.
     */
    private void addName(String text, int start, int end, boolean strongCue, List<int[]> found) {
        int nameEnd = start;
        for (Matcher w = WORD.matcher(text).region(start, end); w.find(); ) {
            String word = w.group();
            boolean initial = word.length() == 1 && Character.isUpperCase(word.charAt(0));
            if (!initial && NEVER.contains(lower(word)) || !strongCue && lexicon.isClinical(word) && !lexicon.isName(word)) {
                break;
            }
            if (lexicon.isClinical(word) && clinicalNounAfter(text, w.end())) {
                break;
            }
            nameEnd = w.end();
            // An initial's full stop belongs to it.
            if (nameEnd < end && text.charAt(nameEnd) == '.' && word.length() == 1) {
                nameEnd++;
            }
        }
        if (nameEnd > start) {
            found.add(new int[] {start, nameEnd});
        }
    }

    /** Given and family names from the lexicon: together (Maria Lopez), or alone when not also a word. */
    private void lexiconNames(String text, List<int[]> found) {
        Matcher w = WORD.matcher(text);
        int previousEnd = -1;
        boolean previousName = false;
        int runStart = -1;
        while (w.find()) {
            String word = w.group();
            boolean capitalised = Character.isUpperCase(word.charAt(0));
            boolean candidate = capitalised && lexiconName(word) && !NEVER.contains(lower(word));
            boolean adjacent = previousName && onlySpaceOrInitialBetween(text, previousEnd, w.start());
            if (candidate && (adjacent || !lexicon.isOrdinaryWord(word) && !sentenceStartAmbiguous(text, w.start(), word))) {
                if (!adjacent) {
                    runStart = w.start();
                }
                int end = w.end();
                // A name the lexicon knows, before a clinical noun, is an eponym here (Hurley stage, Wells score).
                if (clinicalNounAfter(text, end)) {
                    previousName = false;
                    previousEnd = w.end();
                    continue;
                }
                // A given name the lexicon knows takes the capitalised word after it as its family name (Kyle Brandt).
                if (lexicon.isGivenName(word) && !lexicon.isOrdinaryWord(word)) {
                    Matcher following = capitalisedWordAfter(text, end);
                    if (following != null && !NEVER.contains(lower(following.group()))
                            && !lexicon.isClinical(following.group()) && !lexicon.isPlace(following.group())) {
                        end = following.end();
                    }
                }
                found.add(new int[] {runStart, end});
                previousName = true;
            } else if (candidate && lexicon.isOrdinaryWord(word)) {
                // An ordinary word that is also a name starts a run only if a name follows it (Rose Alvarez).
                Matcher following = capitalisedWordAfter(text, w.end());
                if (following != null && lexiconName(following.group()) && !lexicon.isOrdinaryWord(following.group())) {
                    runStart = w.start();
                    found.add(new int[] {w.start(), w.end()});
                    previousName = true;
                    previousEnd = w.end();
                    continue;
                }
                previousName = false;
            } else {
                previousName = false;
            }
            previousEnd = w.end();
        }
    }

    private boolean lexiconName(String word) {
        return lexicon.isName(word) && !lexicon.isClinical(word);
    }

    private static final Pattern NAME_GAP = Pattern.compile("[ \\t]+|[ \\t]+\\p{Lu}\\.[ \\t]+|\\.[ \\t]+|[ \\t]*,[ \\t]*");

    private static boolean onlySpaceOrInitialBetween(String text, int from, int to) {
        return to - from <= 6 && NAME_GAP.matcher(text).region(from, to).matches();
    }

    /** The capitalised word after spaces or tabs from {@code from} (a matcher on it), or null. */
    private static Matcher capitalisedWordAfter(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        if (i == from || i >= text.length() || !Character.isUpperCase(text.charAt(i))) {
            return null;
        }
        Matcher word = WORD.matcher(text).region(i, text.length());
        return word.lookingAt() ? word : null;
    }

    /** Whether a clinical noun (sign, disease, catheter, stage…) follows {@code end}: Murphy sign, Foley catheter. */
    private static boolean clinicalNounAfter(String text, int end) {
        return end < text.length() && CLINICAL_NOUN_AFTER.matcher(text).region(end, Math.min(text.length(), end + 20)).find();
    }

    private static boolean sentenceStart(String text, int at) {
        int i = at - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i--;
        }
        return i < 0 || ".!?\n\r:".indexOf(text.charAt(i)) >= 0;
    }

    /** A capitalised word at a sentence's start that is also a word could be either; keep it. */
    private boolean sentenceStartAmbiguous(String text, int at, String word) {
        return sentenceStart(text, at) && lexicon.isOrdinaryWord(word);
    }

    private static String lower(String word) {
        return word.toLowerCase(Locale.ROOT);
    }
}
