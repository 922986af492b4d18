package dev.chartroom.deid;

import java.util.ArrayList;
import java.util.HashSet;
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

    private static final String CAP =
            "(?:\\p{Lu}['’])?\\p{Lu}[\\p{Ll}\\p{M}]+(?:\\p{Lu}[\\p{Ll}\\p{M}]+)?(?:[-'’]\\p{Lu}?[\\p{Ll}\\p{M}]+)*";
    private static final String UPPER = "(?:\\p{Lu}['’])?\\p{Lu}{2,}(?:[-'’]\\p{Lu}{2,})*";
    private static final String INITIAL = "\\p{Lu}\\.?(?![\\p{L}])";
    private static final String PARTICLE =
            "(?:van|von|der|den|de|del|della|di|da|du|la|le|bin|ibn|al|el|ten|ter|dos|das|St\\.|Ste?\\.?)";
    private static final String UPPER_PARTICLE =
            "(?:VAN|VON|DER|DEN|DE|DEL|DELLA|DI|DA|DU|LA|LE|BIN|IBN|AL|EL|TEN|TER|ST\\.?)";
    /** A learned word (letters only) that is one of the particles, in any case. */
    private static final Pattern LONE_PARTICLE = Pattern.compile("(?i)" + PARTICLE);
    /** A nickname in quotes between given and family name: Patricia "Patty" Doyle. */
    private static final String NICKNAME = "(?:[\"“(][\\p{L} .'-]{1,20}[\"”)])";

    private static final String TOKEN = "(?:" + CAP + "|" + INITIAL + ")";
    /** First M. Last, J. Smith, Maria de la Cruz, Mary-Kate O'Brien. */
    private static final String TITLE_CASE =
            TOKEN + "(?:[ \\t]+(?:" + NICKNAME + "[ \\t]+)?(?:" + PARTICLE + "[ \\t]+)*" + TOKEN + "){0,3}";
    /** SMITH, JOHN A / Smith, John A. */
    private static final String LAST_FIRST = "(?:(?:" + UPPER_PARTICLE + "[ \\t]+)*" + UPPER + ",[ \\t]*(?:" + UPPER
            + "|" + INITIAL + ")(?:[ \\t]+(?:" + UPPER + "|" + INITIAL + "))?" + "|" + CAP + ",[ \\t]*" + CAP
            + "(?:[ \\t]+(?:" + CAP + "|" + INITIAL + "))?)";

    private static final String UPPER_SEQ =
            "(?:" + UPPER + "|" + INITIAL + ")(?:[ \\t]+(?:" + UPPER + "|" + INITIAL + ")){1,3}";
    private static final String ANY_NAME =
            "(?<name>" + LAST_FIRST + "|" + UPPER_SEQ + "|" + TITLE_CASE + "|" + UPPER + ")";

    private static final Pattern TITLED = Pattern.compile(
            "\\b(?:Dr|Drs|Mr|Mrs|Ms|Mx|Messrs|Miss|Prof|Sr|Sra|Srta|Rev|Fr)\\.?[ \\t]+(?=\\p{L})(?<particles>(?:"
                    + PARTICLE + "[ \\t]+)*)" + ANY_NAME
                    + "|\\b(?i:doctor|nurse|professor|pastor|rabbi|father|sister|officer|judge|attorney|coach|dear)[ \\t]+"
                    + "(?<name2>" + TITLE_CASE + ")");
    /** A label that names a person, ending where its separator starts; matched backwards from each separator. */
    static final Pattern LABEL_AT_END = Pattern.compile(
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
                    + "|kids?|toddler|grand(?:child|kid)|godson|goddaughter"
                    + "|landlord|pastor|case\\s+worker))(?:'s)?,?[ \\t]+(?:named[ \\t]+|is[ \\t]+|was[ \\t]+)?"
                    + "(?<name>" + TITLE_CASE + ")");
    private static final Pattern SELF_NAMED = Pattern.compile(
            "(?i:\\b(?:(?<strong>my\\s+name\\s+is|name\\s+is|names?\\s+are|this\\s+is|i\\s+am|i'm|call\\s+me|goes\\s+by|known\\s+as|named"
                    + "|called|aka|a\\.k\\.a\\.|sincerely|regards|respectfully|cordially|dictated\\s+by|signed\\s+by"
                    // Who speaks or is spoken to, or whose name was asked: "says Hartvigsson", "last name? Turgeon".
                    + "|says|said|asks|asked|writes|wrote|replied|explained|named\\s+(?:him|her|them)|hi|hello"
                    + "|remember\\s+me|(?:last|first|maiden|given|family)\\s+name(?:\\s+is)?\\??|surname(?:\\s+is)?|your\\s+name\\??)"
                    + "|per|by|with|and|to|from|for|spoke\\s+(?:with|to)|met\\s+with|discussed\\s+with|d/w|visited\\s+by|seen\\s+by|thanks|thank\\s+you))"
                    + ",?\\s+(?<name>" + TITLE_CASE + "|" + LAST_FIRST + ")");
    private static final Pattern BARE_LAST_FIRST = Pattern.compile("(?<![\\p{L}])" + LAST_FIRST + "(?![\\p{L}])");
    private static final Pattern WORD =
            Pattern.compile("(?:\\p{Lu}['’])?\\p{L}[\\p{L}\\p{M}]*(?:[-'’]\\p{L}[\\p{L}\\p{M}]*)*");

    /** Words a name never starts with or holds: articles, pronouns, headings, clinical words. */
    static final Set<String> NEVER = Set.of(
            "the",
            "a",
            "an",
            "this",
            "that",
            "these",
            "those",
            "he",
            "she",
            "his",
            "her",
            "him",
            "hers",
            "they",
            "them",
            "their",
            "we",
            "our",
            "you",
            "your",
            "it",
            "its",
            "i",
            "me",
            "my",
            "is",
            "was",
            "and",
            "or",
            "of",
            "to",
            "in",
            "on",
            "at",
            "for",
            "with",
            "by",
            "from",
            "as",
            "no",
            "not",
            "none",
            "unknown",
            "n/a",
            "na",
            "patient",
            "pt",
            "patients",
            "doctor",
            "dr",
            "mr",
            "mrs",
            "ms",
            "miss",
            "nurse",
            "date",
            "time",
            "name",
            "age",
            "sex",
            "male",
            "female",
            "dob",
            "mrn",
            "history",
            "hx",
            "diagnosis",
            "dx",
            "plan",
            "assessment",
            "impression",
            "reason",
            "report",
            "note",
            "notes",
            "page",
            "signed",
            "dictated",
            "chief",
            "complaint",
            "subjective",
            "objective",
            "exam",
            "examination",
            "physical",
            "review",
            "systems",
            "medications",
            "medication",
            "allergies",
            "allergy",
            "vitals",
            "vital",
            "signs",
            "labs",
            "lab",
            "results",
            "result",
            "procedure",
            "procedures",
            "findings",
            "indication",
            "indications",
            "clinic",
            "hospital",
            "center",
            "medical",
            "health",
            "care",
            "department",
            "unit",
            "service",
            "services",
            "emergency",
            "family",
            "social",
            "past",
            "present",
            "illness",
            "hpi",
            "ros",
            "pmh",
            "psh",
            "fh",
            "sh",
            "rx",
            "tx",
            "sig",
            "prn",
            "left",
            "right",
            "bilateral",
            "normal",
            "negative",
            "positive",
            "yes",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "today",
            "yesterday",
            "tomorrow",
            "january",
            "february",
            "march",
            "april",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "discharge",
            "admission",
            "admitted",
            "follow",
            "up",
            "return",
            "call",
            "phone",
            "fax",
            "email",
            "address",
            "street",
            "city",
            "state",
            "zip",
            "county",
            "general",
            "surgery",
            "surgical",
            "internal",
            "medicine",
            "pediatrics",
            "cardiology",
            "oncology",
            "radiology",
            "pathology",
            "neurology",
            "psychiatry",
            "orthopedics",
            "urology",
            "dermatology",
            "ophthalmology",
            "obstetrics",
            "gynecology",
            "anesthesia",
            "primary",
            "attending",
            "resident",
            "physician",
            "provider",
            "md",
            "do",
            "rn",
            "np",
            "pa",
            "phd",
            "copy",
            "cc",
            "re",
            "attn",
            "dear",
            "sincerely",
            "thank",
            "thanks",
            "regards",
            "please",
            "will",
            "would",
            "should",
            "could",
            "may",
            "might",
            "can",
            "has",
            "have",
            "had",
            "been",
            "be",
            "are",
            "were",
            "did",
            "does",
            "done",
            "see",
            "seen",
            "per",
            "all",
            "any",
            "some",
            "other",
            "new",
            "old",
            "first",
            "last",
            "next",
            "then",
            "also",
            "again",
            "here",
            "there",
            "when",
            "where",
            "what",
            "who",
            "how",
            "why",
            "if",
            "but",
            "so",
            "because",
            "after",
            "before",
            "during",
            "since",
            "until",
            "while",
            "about",
            "over",
            "under",
            "between",
            "without",
            "within",
            "into",
            "onto",
            "status",
            "post",
            "type",
            "total",
            "daily",
            "weekly",
            "monthly",
            "morning",
            "evening",
            "night",
            "bedtime",
            "tablet",
            "tablets",
            "capsule",
            "capsules",
            "dose",
            "doses",
            "mg",
            "ml",
            "iv",
            "po",
            "im",
            "sq",
            "subcutaneous",
            "oral",
            "insurance",
            "group",
            "member",
            "policy",
            "claim",
            "account",
            "record",
            "number",
            "id",
            "code",
            "ssn",
            "mother",
            "father",
            "wife",
            "husband",
            "son",
            "daughter",
            "brother",
            "sister",
            "spouse",
            "friend",
            "partner",
            "mom",
            "dad",
            "baby",
            "infant",
            "child",
            "children",
            "twin",
            "parents",
            "parent",
            "guardian",
            "caregiver",
            "english",
            "spanish",
            "interpreter",
            "language",
            "pain",
            "fever",
            "cough",
            "nausea",
            "vomiting",
            "blood",
            "pressure",
            "heart",
            "rate",
            "lung",
            "lungs",
            "abdomen",
            "chest",
            "head",
            "neck",
            "back",
            "skin",
            "extremities",
            "alert",
            "oriented",
            "stable",
            "improved",
            "improving",
            "worse",
            "well",
            "good",
            "fair",
            "poor",
            "mild",
            "moderate",
            "severe",
            "acute",
            "chronic",
            "recent",
            "current",
            "prior",
            "previous",
            "known",
            "denies",
            "reports",
            "states",
            "complains",
            "presents",
            "presented",
            "arrived",
            "noted",
            "continue",
            "continued",
            "start",
            "started",
            "stop",
            "stopped",
            "increase",
            "decrease",
            "hold",
            "held",
            "resume",
            "consider",
            "recommend",
            "recommended",
            "refer",
            "referred",
            "referral",
            "consult",
            "consultation",
            "letter",
            "summary",
            "progress",
            "operative",
            "op",
            "pre",
            "postop",
            "preop",
            "hospital course",
            "course",
            "condition",
            "disposition",
            "instructions",
            "diet",
            "activity",
            "wound",
            "incision",
            "dressing",
            "drain",
            "tube",
            "line",
            "catheter",
            "x-ray",
            "ct",
            "mri",
            "ekg",
            "ecg",
            "echo",
            "us",
            "cbc",
            "bmp",
            "cmp",
            "ua",
            "pt/inr",
            "a1c",
            "tsh",
            "bun",
            "wbc",
            "hgb",
            "plt",
            "k",
            "cl",
            "co2",
            "glucose",
            "otherwise",
            "office",
            "visit",
            "appointment",
            "telephone",
            "encounter",
            "message",
            "spoke",
            "called",
            "voicemail",
            "pharmacy",
            "refill",
            "prescription",
            "order",
            "orders",
            "ordered",
            "sent",
            "received",
            "faxed",
            "mailed",
            "avenue",
            "road",
            "suite",
            "apt",
            "box",
            "floor",
            "room",
            "bed",
            "bay",
            "ward",
            "icu",
            "er",
            "ed",
            "pacu",
            "nicu",
            "picu",
            "sicu",
            "micu",
            "ccu",
            "rehab",
            "snf",
            "home",
            "hospice",
            "nursing",
            "facility",
            "dictation",
            "transcription",
            "transcribed",
            "electronically",
            "reviewed",
            "approved",
            "verified",
            "confirmed",
            "addendum",
            "amended",
            "final",
            "preliminary",
            "original",
            "attachment",
            "enclosure",
            "re:",
            "subject",
            "hi",
            "hello",
            "mr.",
            "mrs.",
            "ms.",
            "dr.",
            "sir",
            "madam",
            "team",
            "staff",
            "everyone",
            "whom",
            "concern");
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

    private static final Scan.Lead TITLES = Scan.Lead.of(
            "dr",
            "mr",
            "ms",
            "mx",
            "messrs",
            "miss",
            "prof",
            "sr",
            "rev",
            "fr",
            "doctor",
            "nurse",
            "pastor",
            "rabbi",
            "father",
            "sister",
            "officer",
            "judge",
            "attorney",
            "coach",
            "dear");
    private static final Rule TITLED_RULE = Rule.startingAt(TITLED, scan -> scan.wordsLed(TITLES));
    private static final Rule SEPARATOR_RULE = Rule.startingAt(LABEL_SEPARATOR, NameDetector::separatorStarts);
    private static final Rule CREDENTIAL_RULE = Rule.startingAt(CREDENTIAL, NameDetector::credentialStarts);
    private static final Scan.Lead ROLES = Scan.Lead.of(
            "rn",
            "lpn",
            "np",
            "pa",
            "emt",
            "cna",
            "ma",
            "md",
            "nurse",
            "paramedic",
            "tech",
            "therapist",
            "chaplain",
            "pharmacist",
            "interpreter",
            "adjuster",
            "investigator",
            "case",
            "representative",
            "aide",
            "physician",
            "resident",
            "intern",
            "fellow",
            "attending",
            "surgeon",
            "coordinator",
            "manager",
            "officer",
            "deputy",
            "trooper",
            "social",
            "teacher",
            "counsel",
            "midwife",
            "doula",
            "dentist",
            "hygienist",
            "dietitian",
            "nutritionist",
            "scribe",
            "student",
            "volunteer",
            "supervisor",
            "director",
            "colleague",
            "partner");
    private static final Rule ROLE_RULE = Rule.startingAt(ROLE, scan -> scan.wordsLed(ROLES));
    private static final Scan.Lead RELATIVES = Scan.Lead.of(
            "wife",
            "husband",
            "son",
            "daughter",
            "mother",
            "mom",
            "father",
            "dad",
            "brother",
            "sister",
            "spouse",
            "partner",
            "fianc",
            "boyfriend",
            "girlfriend",
            "aunt",
            "uncle",
            "niece",
            "nephew",
            "cousin",
            "grand",
            "step",
            "in",
            "friend",
            "neighbo",
            "roommate",
            "caregiver",
            "guardian",
            "sibling",
            "child",
            "kid",
            "toddler",
            "godson",
            "goddaughter",
            "baby",
            "infant",
            "twin",
            "colleague",
            "coworker",
            "employer",
            "landlord",
            "pastor",
            "case");
    private static final Rule RELATIVE_RULE = Rule.startingAt(RELATIVE, scan -> scan.wordsLed(RELATIVES));
    /** I am, i'm; a.k.a.; d/w. */
    private static final Scan.Lead SELF_LETTERS = Scan.Lead.exactly("i", "a", "d");

    private static final Scan.Lead SELF_WORDS = Scan.Lead.of(
            "says",
            "said",
            "ask",
            "writes",
            "wrote",
            "replied",
            "explained",
            "hi",
            "hello",
            "remember",
            "last",
            "first",
            "maiden",
            "given",
            "family",
            "surname",
            "your",
            "my",
            "name",
            "this",
            "call",
            "goes",
            "known",
            "aka",
            "sincerely",
            "regards",
            "respectfully",
            "cordially",
            "dictated",
            "signed",
            "per",
            "by",
            "with",
            "and",
            "to",
            "from",
            "for",
            "spoke",
            "met",
            "discussed",
            "visited",
            "seen",
            "thank");
    private static final Rule SELF_NAMED_RULE =
            Rule.startingAt(SELF_NAMED, scan -> Scan.union(scan.wordsLed(SELF_LETTERS), scan.wordsLed(SELF_WORDS)));
    private static final Rule BARE_LAST_FIRST_RULE = Rule.startingAt(BARE_LAST_FIRST, Scan::capitalsOnCommaLines);

    /** The rules, for {@code RuleTests}. */
    static final List<Rule> RULES = List.of(
            TITLED_RULE,
            SEPARATOR_RULE,
            CREDENTIAL_RULE,
            ROLE_RULE,
            RELATIVE_RULE,
            SELF_NAMED_RULE,
            BARE_LAST_FIRST_RULE);

    /**
     * The words a label of {@link #LABEL_AT_END} can end with: before a separator, any other word
     * (or a full stop, as in "pt." and "c.c.", where the pattern is asked) cannot end one.
     */
    private static final Set<String> LABEL_LAST_WORDS = Set.of(
            "patient",
            "s",
            "name",
            "pt",
            "client",
            "resident",
            "member",
            "insured",
            "subscriber",
            "guarantor",
            "beneficiary",
            "holder",
            "policyholder",
            "by",
            "signed",
            "referring",
            "referral",
            "physician",
            "provider",
            "doctor",
            "md",
            "clinician",
            "attending",
            "pcp",
            "care",
            "surgeon",
            "assistant",
            "assistants",
            "anesthesiologist",
            "anesthesia",
            "anesthetist",
            "fellow",
            "intern",
            "radiologist",
            "pathologist",
            "pharmacist",
            "therapist",
            "counselor",
            "worker",
            "manager",
            "coordinator",
            "interpreter",
            "scribe",
            "dentist",
            "hygienist",
            "midwife",
            "nurse",
            "rn",
            "np",
            "pa",
            "cc",
            "to",
            "from",
            "attn",
            "attention",
            "re",
            "regarding",
            "contact",
            "kin",
            "nok",
            "guardian",
            "parent",
            "mother",
            "father",
            "spouse",
            "caregiver",
            "informant",
            "historian",
            "witness",
            "technologist",
            "tech",
            "author",
            "addressee",
            "recipient",
            "sender",
            "employer",
            "emergency",
            "technician",
            "adjuster",
            "decedent",
            "deceased",
            "investigator",
            "representative",
            "chaplain",
            "paramedic",
            "emt",
            "crew",
            "driver",
            "owner",
            "ordering",
            "do",
            "officer",
            "aide",
            "cna",
            "ma",
            "lpn",
            "rep",
            "agent",
            "liaison",
            "advocate",
            "donor",
            "sponsor",
            "monitor",
            "person",
            "present",
            "attendee",
            "attendees",
            "participant",
            "participants",
            "visitor");

    @Override
    public void find(Scan scan, Subject subject, List<Finding> into) {
        String text = scan.text;
        var found = new ArrayList<int[]>();
        Rule.Hits titled = TITLED_RULE.in(scan);
        for (Matcher m; (m = titled.next()) != null; ) {
            String group = m.group("name") != null ? "name" : "name2";
            int start =
                    m.group("name") != null && !m.group("particles").isEmpty() ? m.start("particles") : m.start(group);
            addName(text, start, m.end(group), true, found);
        }
        Rule.Hits separators = SEPARATOR_RULE.in(scan);
        Matcher label = LABEL_AT_END.matcher(text).useTransparentBounds(true);
        Matcher nameHere = NAME_HERE.matcher(text);
        for (Matcher separator; (separator = separators.next()) != null; ) {
            if (labelBefore(scan, label, separator.start())) {
                Matcher m = nameHere.region(separator.end(), text.length());
                if (m.lookingAt()) {
                    addName(text, m.start("name"), m.end("name"), true, found);
                }
            }
        }
        Rule.Hits credentials = CREDENTIAL_RULE.in(scan);
        Matcher nameAtEnd = NAME_AT_END.matcher(text).useTransparentBounds(true);
        for (Matcher c; (c = credentials.next()) != null; ) {
            if (nameEndingAt(text, nameAtEnd, Math.max(0, c.start() - 60), c.start())) {
                addName(text, nameAtEnd.start("name"), nameAtEnd.end("name"), true, found);
            }
        }
        for (Rule rule : List.of(ROLE_RULE, RELATIVE_RULE)) {
            Rule.Hits hits = rule.in(scan);
            for (Matcher m; (m = hits.next()) != null; ) {
                addName(text, m.start("name"), m.end("name"), false, found);
            }
        }
        Rule.Hits selfNamed = SELF_NAMED_RULE.in(scan);
        for (Matcher m; (m = selfNamed.next()) != null; ) {
            // After a plain word (with, by, and) only a name the lexicon knows: "with Hypertension" is not one.
            String first = m.group("name").split("[ \\t,]+")[0];
            // "said I", "Hi I": the pronoun, not an initial.
            if (m.group("name").equals("I")) {
                continue;
            }
            if (m.group("strong") != null
                    || lexiconName(first)
                    || first.length() <= 2 && m.group("name").contains(" ")) {
                addName(text, m.start("name"), m.end("name"), false, found);
            }
        }
        Rule.Hits lastFirst = BARE_LAST_FIRST_RULE.in(scan);
        for (Matcher m; (m = lastFirst.next()) != null; ) {
            String[] parts = m.group().split(",");
            if (lexiconName(parts[0].strip()) || lexiconName(parts[1].strip().split("[ \\t]+")[0])) {
                addName(text, m.start(), m.end(), false, found);
            }
        }
        lexiconNames(scan, found);
        shapedNames(scan, found);
        subjects(scan, found);

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
        // One pass per spelling rule: ordinary words (Hope, Grant) as capitalised or all capitals, the rest in any
        // case.
        var anyCase = new HashSet<String>();
        var capitalised = new HashSet<String>();
        for (String word : learned) {
            // A particle (St., van, de) is part of a name, never one alone: Natalie St. John's "St" is not a name
            // in St. Brigid Medical Center.
            if (word.length() < 2
                    || NEVER.contains(lower(word))
                    || LONE_PARTICLE.matcher(word).matches()
                    || lexicon.isClinical(word) && !isKnown(word, subject)) {
                continue;
            }
            if (lexicon.isOrdinaryWord(word) && !isKnown(word, subject)) {
                capitalised.add(word);
                capitalised.add(word.toUpperCase(Locale.ROOT));
            } else {
                anyCase.add(fold(word));
            }
        }
        learnedNames(text, anyCase, true, found);
        learnedNames(text, capitalised, false, found);
        for (int[] span : found) {
            into.add(new Finding(Identifier.NAME, span[0], span[1]));
        }
    }

    /**
     * Each whole-word occurrence of a learned word ({@code words}: folded when {@code anyCase}, else
     * exact), the longest where several fit, from left to right.
     */
    private void learnedNames(String text, Set<String> words, boolean anyCase, List<int[]> found) {
        if (words.isEmpty()) {
            return;
        }
        int longest = words.stream().mapToInt(String::length).max().orElse(0);
        boolean[] firsts = new boolean[Character.MAX_VALUE + 1];
        boolean[] lengths = new boolean[longest + 1];
        // The first two letters of each word, hashed: most words of a note begin with no learned word's two.
        boolean[] pairs = new boolean[1 << 16];
        for (String w : words) {
            firsts[anyCase ? Character.toLowerCase(Character.toUpperCase(w.charAt(0))) : w.charAt(0)] = true;
            lengths[w.length()] = true;
            pairs[pair(w.charAt(0), w.charAt(1), anyCase)] = true;
        }
        int n = text.length();
        int[] ends = new int[longest + 1];
        int p = 0;
        while (p < n) {
            char first = text.charAt(p);
            if (!letterOrMark(first)) {
                p++;
                continue;
            }
            if (!Character.isLetter(first)
                    || p > 0 && letterOrMark(text.charAt(p - 1))
                    || !firsts[anyCase ? Character.toLowerCase(Character.toUpperCase(first)) : first]
                    || p + 1 >= n
                    || !pairs[pair(first, text.charAt(p + 1), anyCase)]) {
                // No learned word starts inside this run of letters: go to its end.
                p++;
                while (p < n && letterOrMark(text.charAt(p))) {
                    p++;
                }
                continue;
            }
            // A learned word is letters, marks and inner hyphens or apostrophes; it ends before a non-letter.
            int count = 0;
            for (int e = p + 1; e <= n && e - p <= longest; e++) {
                char c = e < n ? text.charAt(e) : 0;
                if (e == n || !letterOrMark(c)) {
                    if (lengths[e - p]) {
                        ends[count++] = e;
                    }
                    if (e == n || !(c == '-' || c == '\'' || c == '’')) {
                        break;
                    }
                }
            }
            int matchEnd = -1;
            for (int k = count - 1; k >= 0 && matchEnd < 0; k--) {
                String candidate = text.substring(p, ends[k]);
                if (words.contains(anyCase ? fold(candidate) : candidate)) {
                    matchEnd = ends[k];
                }
            }
            if (matchEnd < 0) {
                p++;
                continue;
            }
            int end = matchEnd;
            // Kowalczyk-Dunn: a double-barrelled name goes whole.
            while (end + 1 < n && text.charAt(end) == '-' && Character.isUpperCase(text.charAt(end + 1))) {
                Matcher rest = WORD.matcher(text).region(end + 1, n);
                if (!rest.lookingAt()) {
                    break;
                }
                end = rest.end();
            }
            if (!(lexicon.isClinical(text.substring(p, matchEnd)) && clinicalNounAfter(text, matchEnd))) {
                found.add(new int[] {p, end});
            }
            p = matchEnd;
        }
    }

    private static int pair(char a, char b, boolean anyCase) {
        if (anyCase) {
            a = Character.toLowerCase(Character.toUpperCase(a));
            b = Character.toLowerCase(Character.toUpperCase(b));
        }
        return (a * 31 + b) & 0xFFFF;
    }

    private static boolean letterOrMark(char c) {
        if (c < 128) {
            return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
        }
        return Character.isLetter(c)
                || Character.getType(c) == Character.NON_SPACING_MARK
                || Character.getType(c) == Character.COMBINING_SPACING_MARK
                || Character.getType(c) == Character.ENCLOSING_MARK;
    }

    private static boolean wordChar(char c) {
        return letterOrMark(c) || c == '-' || c == '\'' || c == '’';
    }

    /** Case folded as the regex engine compares without regard to case. */
    private static String fold(String word) {
        char[] chars = word.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(Character.toUpperCase(chars[i]));
        }
        return new String(chars);
    }

    /** Whether a label that names a person ends just before the separator at {@code separator}. */
    static boolean labelBefore(Scan scan, Matcher label, int separator) {
        String text = scan.text;
        int end = separator;
        while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
            end--;
        }
        if (end == 0) {
            return false;
        }
        if (text.charAt(end - 1) != '.') {
            int word = scan.wordEndingAt(end);
            if (word < 0 || !LABEL_LAST_WORDS.contains(scan.word(word))) {
                return false;
            }
        }
        int lineStart = Math.max(text.lastIndexOf('\n', separator) + 1, separator - 48);
        return label.region(lineStart, separator).find();
    }

    /** Whether a name ends at {@code end} (found from {@code from} on, the leftmost): {@code m} is on it. */
    private static boolean nameEndingAt(String text, Matcher m, int from, int end) {
        for (int p = from; p < end; p++) {
            // Every name starts with a capital: the pattern is tried only there.
            if (Character.getType(text.codePointAt(p)) == Character.UPPERCASE_LETTER) {
                m.region(p, end);
                if (m.lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Separators: a colon, "#", a dash or two between spaces, an em dash. */
    private static int[] separatorStarts(Scan scan) {
        String text = scan.text;
        var out = new Scan.IntList(256);
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == ':' || c == '#' || c == '—' || (c == ' ' || c == '\t') && i + 1 < n && text.charAt(i + 1) == '-') {
                out.add(i);
            }
        }
        return out.toArray();
    }

    /** The first run of letters of each credential {@link #CREDENTIAL} knows (M.D. and MD, Ph.D. and PhD, PA-C). */
    private static final Scan.Lead CREDENTIAL_WORDS = Scan.Lead.exactly(
            "m", "md", "d", "do", "r", "rn", "n", "np", "pa", "p", "ph", "phd", "dds", "dmd", "pharmd", "pharm", "lpn",
            "cna", "msw", "lcsw", "licsw", "lmft", "lpc", "fnp", "anp", "aprn", "crna", "cnm", "dnp", "dpm", "od",
            "dpt", "pt", "otr", "rd", "rdn", "mph", "mbbs", "facs", "facp", "frcp", "frcs", "rph", "ccc", "slp", "bsn",
            "msn", "emt", "lvn", "rrt", "coa", "cot", "comt", "ccds", "ceps", "cst", "rt", "rdms", "rvt", "rdcs", "rcs",
            "cma", "rma", "mt", "mls", "mlt", "cls", "htl", "cpht", "dc", "lac", "crnp", "acnp", "agnp", "pmhnp",
            "whnp", "cpnp", "edd", "psyd", "lmhc", "ladc", "bcba", "ccm", "cde", "cdces", "ibclc", "cns", "ccrn", "cen",
            "ocn", "rnc", "ms", "ma", "bs", "ba", "mba", "mha", "jd", "esq");

    /** Where a credential after a name can start: the comma or spaces before a credential's first word. */
    private static int[] credentialStarts(Scan scan) {
        String text = scan.text;
        var out = new Scan.IntList(256);
        for (int q : scan.wordsLed(CREDENTIAL_WORDS)) {
            char c = text.charAt(q);
            if (c < 'A' || c > 'Z' || q == 0 || text.charAt(q - 1) != ' ' && text.charAt(q - 1) != '\t') {
                continue;
            }
            int i = q - 1;
            while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i--;
            }
            out.add(i >= 0 && text.charAt(i) == ',' ? i : i + 1);
        }
        return out.toArray();
    }

    private boolean isKnown(String word, Subject subject) {
        return subject.knownNames().stream()
                .anyMatch(n -> n.toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT)));
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
            if (!initial && NEVER.contains(lower(word))
                    || !strongCue && lexicon.isClinical(word) && !lexicon.isName(word)) {
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
    private void lexiconNames(Scan scan, List<int[]> found) {
        String text = scan.text;
        int previousEnd = -1;
        boolean previousName = false;
        int runStart = -1;
        for (int wordStart = nextLetter(text, 0); wordStart < text.length(); wordStart = nextLetter(text, wordStart)) {
            int looked = scan.nextLookedAt(wordStart);
            if (looked != wordStart) {
                // Lines the rules skip end a run of names.
                previousName = false;
                wordStart = looked;
                continue;
            }
            int wordEnd = wordEnd(text, wordStart);
            var w = new Span(wordStart, wordEnd);
            wordStart = wordEnd;
            boolean capitalised = Character.isUpperCase(text.charAt(w.start()));
            String word = capitalised ? text.substring(w.start(), w.end()) : null;
            boolean candidate =
                    capitalised && lexiconName(word) && !NEVER.contains(lower(word)) && !afterSaint(text, w.start());
            boolean adjacent = previousName && onlySpaceOrInitialBetween(text, previousEnd, w.start());
            if (candidate
                    && (adjacent || !lexicon.isOrdinaryWord(word) && !sentenceStartAmbiguous(text, w.start(), word))) {
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
                    if (following != null
                            && !NEVER.contains(lower(following.group()))
                            && !lexicon.isClinical(following.group())
                            && !lexicon.isPlace(following.group())) {
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

    private record Span(int start, int end) {}

    /** A name after "St." or "Saint" names a hospital, church or school: St. Brigid Medical Center. */
    private static boolean afterSaint(String text, int start) {
        int i = start;
        while (i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
            i--;
        }
        return i < start
                && (text.startsWith("St.", i - 3) || text.startsWith("Saint", i - 5) || text.startsWith("ST.", i - 3));
    }

    /** Words around a single capital that make it a clinical name, not a middle initial: vitamin D, hepatitis B, factor V. */
    private static final Set<String> BESIDE_A_LETTER = Set.of(
            "vitamin",
            "hepatitis",
            "factor",
            "type",
            "group",
            "class",
            "grade",
            "stage",
            "phase",
            "lead",
            "leads",
            "view",
            "strep",
            "streptococcus",
            "virus",
            "deficiency",
            "leiden",
            "antigen",
            "antibody",
            "protein",
            "cell",
            "cells",
            "wave",
            "waves",
            "plan",
            "part",
            "level",
            "zone",
            "section",
            "schedule",
            "tier",
            "appendix",
            "exhibit",
            "figure",
            "table",
            "cluster",
            "blood",
            "influenza",
            "flu",
            "hep",
            "vit",
            "complex",
            "site",
            "side",
            "option",
            "line",
            "channel",
            "unit",
            "ward",
            "bay",
            "room",
            "bed",
            "floor",
            "wing",
            "building",
            "exit",
            "gate",
            "lot",
            "row",
            "seat");

    /**
     * Names by their shape: a capitalised word, an initial and a capitalised word (Faina D. Yefremova),
     * and two capitalised words one of which has a letter outside English (Šárka Ottová, Miklós Hajdu).
     */
    private void shapedNames(Scan scan, List<int[]> found) {
        String text = scan.text;
        int[] starts = new int[3];
        int[] ends = new int[3];
        int seen = 0;
        for (int wordStart = nextLetter(text, 0); wordStart < text.length(); wordStart = nextLetter(text, wordStart)) {
            int looked = scan.nextLookedAt(wordStart);
            if (looked != wordStart) {
                seen = 0;
                wordStart = looked;
                continue;
            }
            int wordEnd = wordEnd(text, wordStart);
            if (seen > 0 && !onlySpacesBetween(text, ends[(seen - 1) % 3], wordStart)) {
                seen = 0;
            }
            starts[seen % 3] = wordStart;
            ends[seen % 3] = wordEnd;
            seen++;
            wordStart = wordEnd;
            if (seen >= 3) {
                int a = (seen - 3) % 3;
                int b = (seen - 2) % 3;
                int c = (seen - 1) % 3;
                if (ends[b] - starts[b] == 1
                        && Character.isUpperCase(text.charAt(starts[b]))
                        && plainTitleWord(text, starts[a], ends[a])
                        && plainTitleWord(text, starts[c], ends[c])) {
                    addName(text, starts[a], ends[c], false, found);
                    continue;
                }
            }
            if (seen >= 2) {
                int b = (seen - 2) % 3;
                int c = (seen - 1) % 3;
                if ((foreign(text, starts[b], ends[b]) || foreign(text, starts[c], ends[c]))
                        && plainTitleWord(text, starts[b], ends[b])
                        && plainTitleWord(text, starts[c], ends[c])) {
                    addName(text, starts[b], ends[c], false, found);
                }
            }
        }
    }

    /** What a person does at the start of a sentence about them: "Jordan states", "Tilly Nicholson lives". */
    private static final Set<String> PERSON_VERBS = Set.of(
            "states",
            "stated",
            "reports",
            "reported",
            "denies",
            "denied",
            "returns",
            "presents",
            "presented",
            "complains",
            "endorses",
            "admits",
            "says",
            "agrees",
            "declines",
            "declined",
            "explained",
            "explains",
            "shouted",
            "lives",
            "lived",
            "spent",
            "began",
            "listed",
            "underwent",
            "tolerated",
            "verbalizes",
            "verbalized",
            "attended",
            "wants",
            "wishes",
            "asked",
            "asks",
            "told",
            "tells",
            "relates",
            "describes",
            "described",
            "feels",
            "works",
            "worked",
            "married",
            "moved");
    /** Capitalised words that begin sentences about a person without being a name. */
    private static final Set<String> NOT_SUBJECTS = Set.of(
            "therapy", "caller", "writer", "user", "bot", "everyone", "someone", "nobody", "everybody", "anyone");

    /** A name at a sentence's start before what a person does (one or two words, or with an initial). */
    private void subjects(Scan scan, List<int[]> found) {
        String text = scan.text;
        int[] starts = scan.wordStarts();
        int[] ends = scan.wordEnds();
        for (int i = 0; i + 1 < starts.length; i++) {
            int start = starts[i];
            if (!Character.isUpperCase(text.charAt(start))
                    || !scan.looksAt(start)
                    || !sentenceStart(text, start)
                    || start > 0
                            && text.charAt(start - 1) != ' '
                            && text.charAt(start - 1) != '\t'
                            && text.charAt(start - 1) != '\n'
                    // A name the lexicon knows counts even when also a word or a place: "Hope returns", "Jordan
                    // states".
                    || !plainTitleWord(text, start, ends[i]) && !lexiconName(text.substring(start, ends[i]))
                    || NOT_SUBJECTS.contains(lower(text.substring(start, ends[i])))) {
                continue;
            }
            int last = i;
            int next = i + 1;
            // A family name, or an initial and a family name, after the given name.
            if (next < starts.length
                    && ends[next] - starts[next] == 1
                    && Character.isUpperCase(text.charAt(starts[next]))
                    && onlySpacesBetween(text, ends[last], starts[next])
                    && next + 1 < starts.length
                    && onlySpacesBetween(text, ends[next], starts[next + 1])
                    && plainTitleWord(text, starts[next + 1], ends[next + 1])) {
                last = next + 1;
                next = last + 1;
            } else if (next < starts.length
                    && onlySpacesBetween(text, ends[last], starts[next])
                    && plainTitleWord(text, starts[next], ends[next])) {
                last = next;
                next = last + 1;
            }
            // One word alone only if the lexicon knows it as a name: "Rash began", "Grandmother states" are not.
            if (next < starts.length
                    && onlySpacesBetween(text, ends[last], starts[next])
                    && PERSON_VERBS.contains(scan.word(next))
                    && (last > i || lexiconName(text.substring(start, ends[i])))) {
                addName(text, start, ends[last], false, found);
            }
        }
    }

    /** Spaces or tabs only, or an initial's full stop and then spaces: "J. Smith". */
    private static boolean onlySpacesBetween(String text, int from, int to) {
        int i = from;
        if (i < to && text.charAt(i) == '.' && i - 1 >= 0 && i - 2 >= 0 && !Character.isLetter(text.charAt(i - 2))) {
            i++;
        }
        if (i >= to) {
            return false;
        }
        for (; i < to; i++) {
            if (text.charAt(i) != ' ' && text.charAt(i) != '\t') {
                return false;
            }
        }
        return to - from <= 3;
    }

    /** A capitalised word (then lowercase) that is not a heading word, clinical word, place or state. */
    private boolean plainTitleWord(String text, int start, int end) {
        if (end - start < 2
                || !Character.isUpperCase(text.charAt(start))
                || !Character.isLowerCase(text.charAt(start + 1))) {
            return false;
        }
        String word = text.substring(start, end);
        String lower = lower(word);
        return !NEVER.contains(lower)
                && !BESIDE_A_LETTER.contains(lower)
                && !lexicon.isClinical(word)
                && !lexicon.isState(word)
                && !lexicon.isPlace(word)
                && !lexicon.isOrdinaryWord(word);
    }

    /** Whether a word has a letter beyond ASCII (á, ö, š, ð…). */
    private static boolean foreign(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (text.charAt(i) >= 128 && Character.isLetter(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The first letter at or after {@code from} (or the text's length): where {@link #WORD} finds its next word. */
    private static int nextLetter(String text, int from) {
        int i = from;
        while (i < text.length() && !Character.isLetter(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Where the {@link #WORD} that starts at the letter {@code start} ends, read by hand for speed. */
    static int wordEnd(String text, int start) {
        int n = text.length();
        int e = start + 1;
        if (Character.getType(text.charAt(start)) == Character.UPPERCASE_LETTER
                && start + 2 < n
                && (text.charAt(start + 1) == '\'' || text.charAt(start + 1) == '’')
                && Character.isLetter(text.charAt(start + 2))) {
            e = start + 3;
        }
        while (true) {
            while (e < n && letterOrMark(text.charAt(e))) {
                e++;
            }
            char c = e + 1 < n ? text.charAt(e) : 0;
            if ((c == '-' || c == '\'' || c == '’') && Character.isLetter(text.charAt(e + 1))) {
                e += 2;
                continue;
            }
            return e;
        }
    }

    private boolean lexiconName(String word) {
        return lexicon.isNameOnly(word);
    }

    private static final Pattern NAME_GAP =
            Pattern.compile("[ \\t]+|[ \\t]+\\p{Lu}\\.[ \\t]+|\\.[ \\t]+|[ \\t]*,[ \\t]*");

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
        return end < text.length()
                && CLINICAL_NOUN_AFTER
                        .matcher(text)
                        .region(end, Math.min(text.length(), end + 20))
                        .find();
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
