package dev.chartroom.deid;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Places smaller than a state: street addresses (with their apartment or suite), P.O. boxes, a
 * city before its state ("Springfield, IL 62704"), counties, the places of the lexicon, and the
 * place after a cue ("lives in Dayton", "moved from Tulsa"). A ZIP code after a state or its cue
 * word is a ZIP. States and countries stay.
 */
final class PlaceDetector implements Detector {

    private static final String CAP_WORD = "(?:\\p{Lu}['’])?\\p{Lu}[\\p{Ll}\\p{M}]+(?:[-'’]\\p{Lu}?[\\p{Ll}\\p{M}]+)*";
    private static final String PLACE_WORDS =
            "(?:(?:St\\.|Ft\\.|Mt\\.|" + CAP_WORD + ")(?:[ \\t]+(?:St\\.|de|del|la|las|los|" + CAP_WORD + ")){0,3})";
    private static final String STREET_KIND =
            "(?:Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl"
                    + "|Terrace|Ter|Circle|Cir|Highway|Hwy|Parkway|Pkwy|Trail|Trl|Square|Sq|Loop|Row|Alley|Aly|Path|Pike|Plaza|Plz|Crescent"
                    + "|Cres|Close|Walk|Run|Pass|Ridge|Heights|Hts|Expressway|Expy|Freeway|Fwy|Turnpike|Tpke|Route|Rte|Center|Ctr|Wharf|Pier"
                    + "|Landing|Commons|Estates|Green|Point|Crossing|Bend|Hollow|Glen|Grove|Park|Gardens|Meadows|Mews|Village"
                    + "|STREET|ST|AVENUE|AVE|ROAD|RD|BOULEVARD|BLVD|LANE|LN|DRIVE|DR|COURT|CT|WAY|PLACE|PL|HIGHWAY|HWY)\\.?";
    private static final String UNIT =
            "(?:,?[ \\t]*(?:Apt|Apartment|Suite|Ste|Unit|Bldg|Building|Floor|Fl|Rm|Room|Lot|Space|APT|SUITE|UNIT|#)\\.?"
                    + "[ \\t]*#?[ \\t]*[\\w-]{1,6})?";
    private static final Pattern STREET = Pattern.compile(
            "(?<![\\w/.-])\\d{1,6}(?:-?[A-Za-z])?(?:-\\d{1,5})?[ \\t]+(?:(?:[NSEW]|N\\.|S\\.|E\\.|W\\.|North|South|East|West|NE|NW|SE|SW)[ \\t]+)?"
                    + "(?:(?:\\d{1,3}(?:st|nd|rd|th)|" + CAP_WORD + "|\\p{Lu}{2,})[ \\t]+){1,4}" + STREET_KIND
                    + "(?:[ \\t]+(?:[NSEW]|NE|NW|SE|SW)\\b)?" + UNIT + "(?![\\p{Ll}])"
                    + "|(?i:\\bP\\.?[ \\t]?O\\.?[ \\t]*Box|\\bpost[ \\t]+office[ \\t]+box)[ \\t]*#?[ \\t]*\\d{1,7}");
    /** A street named without its number, or two of them at a corner: "Route 9 and Hollis Street", "on Elm Avenue". */
    private static final Pattern NAMED_STREET = Pattern.compile(
            "\\b(?:" + CAP_WORD
                    + "[ \\t]+){1,3}(?:Street|Avenue|Road|Boulevard|Lane|Drive|Court|Terrace|Parkway|Highway|Turnpike|Expressway)\\b"
                    + "|\\b(?:Route|Rte\\.?|Highway|Hwy\\.?|Interstate|I-|US-?|SR-?|State[ \\t]+Route|County[ \\t]+Road|CR-?)[ \\t]?\\d{1,4}[A-Z]?\\b"
                    + "(?:[ \\t]+(?:north|south|east|west)bound)?(?:[ \\t]+(?:near|at)[ \\t]+(?:exit|mile(?:[ \\t]+marker)?)[ \\t]+\\d{1,4})?");
    /** A neighbourhood or district named before the word: "Hyde Park neighborhood", "the Little Village area". */
    private static final Pattern NEIGHBOURHOOD = Pattern.compile("\\b(?<place>" + PLACE_WORDS
            + ")[ \\t]+(?:neighborhood|neighbourhood|district|community|suburb|subdivision|township|borough"
            + "|area|section|projects|apartments|trailer[ \\t]+park|assisted[ \\t]+living|senior[ \\t]+living|nursing[ \\t]+home"
            + "|retirement[ \\t]+(?:home|community|village)|rehab(?:ilitation)?[ \\t]+center|manor|shelter"
            // Where someone lives, capitalised as part of its name: Glen Arbor Assisted Living, Maple Ridge Apartments.
            + "|(?i:neighbou?rhood|subdivision|apartments|trailer[ \\t]+park|mobile[ \\t]+home[ \\t]+park|assisted[ \\t]+living"
            + "|senior[ \\t]+living|nursing[ \\t]+home|retirement[ \\t]+(?:home|community|village)))\\b");
    /** Clinical words after a place name that make it a scale, protocol or staging, not a place: Boston Bowel Preparation Scale. */
    private static final Pattern CLINICAL_AFTER = Pattern.compile(
            "^(?:[ \\t]+[\\p{L}'-]+){0,3}?[ \\t]+(?i:scale|protocol|classification|criteria|staging|stage|score|system|grade|questionnaire"
                    + "|index|method|technique|procedure|catheter|shunt|solution|regimen|rule|rules|formula|equation|inventory|assessment|test)\\b");

    private static final Pattern CITY_STATE = Pattern.compile(
            "(?<city>" + PLACE_WORDS + "),[ \\t]*(?<state>\\p{Lu}{2}|\\p{Lu}[\\p{Ll}]+(?:[ \\t]+\\p{Lu}[\\p{Ll}]+)?)"
                    + "(?![\\p{L}])(?:[ \\t,]+(?<zip>\\d{5}(?:-\\d{4})?)(?![\\d-]))?");
    private static final Pattern STATE_ZIP = Pattern.compile(
            "(?<state>\\b\\p{Lu}{2}|\\b\\p{Lu}[\\p{Ll}]+(?:[ \\t]+\\p{Lu}[\\p{Ll}]+)?)[ \\t,]+(?<zip>\\d{5}(?:-\\d{4})?)(?![\\d-])");
    private static final Pattern CUED_ZIP = Pattern.compile(
            "(?i)\\b(?:zip|zip[ \\t]*code|postal[ \\t]+code|zipcode)[ \\t]*(?:is|:|#)?[ \\t]*(?<zip>\\d{5}(?:-\\d{4})?)(?![\\d-])");
    private static final Pattern COUNTY = Pattern.compile("\\b" + PLACE_WORDS
            + "[ \\t]+(?:County|Parish|Borough|Township|COUNTY)\\b|\\b(?i:county|parish)[ \\t]+of[ \\t]+"
            + PLACE_WORDS);
    private static final Pattern CUED = Pattern.compile(
            "(?i:\\b(?:lives|living|live|resides|residing|reside|resident|residence|moved|moving|relocated|relocating|born|grew[ \\t]+up"
                    + "|raised|native|home|homeless|travel(?:l)?ed|travel(?:l)?ing|trip|visit(?:ed|ing)?|vacation(?:ed|ing)?|originally"
                    + "|commutes|works|worked|employed|stationed|deployed|transferred|transported|flown|driven|incarcerated|sheltered"
                    + "|address|town|city|village|hometown|neighborhood|neighbourhood"
                    // Where a home or a relative is, or where someone came from: "condominium in", "daughter in",
                    // "drove from" (not "came from" or "returned from": Rehab, Surgery, PACU).
                    + "|house|apartment|condo|condominium|farm|ranch|duplex|trailer|cabin|family|relatives|parents|son|daughter"
                    + "|sister|brother|drove|flew|hails)"
                    + "(?:[ \\t]+(?:alone|independently|with[ \\t]+\\w+(?:[ \\t]+\\w+)?|here|there|nearby|locally|back|up|down|out))?"
                    + "[ \\t]+(?:in|to|from|of|at|near|outside|around|is)(?:[ \\t]+(?:the[ \\t]+)?(?:town|city|village|area|suburbs?|outskirts)"
                    + "[ \\t]+of)?(?:[ \\t]+(?:downtown|rural|suburban|north(?:ern)?|south(?:ern)?|east(?:ern)?|west(?:ern)?|central))?)[ \\t]+"
                    + "(?<place>" + PLACE_WORDS + ")"
                    // Where care, a death or a life event happened, or a workplace or school is: "hospitalized in",
                    // "a factory in", "the University of", "the south side of".
                    + "|(?i:\\b(?:hospitali[sz]ed|treated|diagnosed|operated|died|passed[ \\t]+away|buried|married|surgery|hospital"
                    + "|clinic|facility|school|college|university|church|prison|jail|hotel|motel|factory|plant|office|store"
                    + "|restaurant|warehouse|farm|base|(?:north|south|east|west)[ \\t]+side)"
                    + "[ \\t]+(?:in|near|outside|of)(?:[ \\t]+(?:the[ \\t]+)?(?:town|city|village|area|suburbs?|outskirts)[ \\t]+of)?)[ \\t]+"
                    + "(?<place2>" + PLACE_WORDS + ")");

    /** A rural route or highway contract box: RR 2 Box 15, Rural Route 3, HC 63 Box 12 (RR 18 alone is a respiratory rate). */
    private static final Pattern RURAL = Pattern.compile(
            "\\b(?:(?:RR|R\\.R\\.|HC|H\\.C\\.)[ \\t]*#?[ \\t]*\\d{1,4},?[ \\t]*Box|(?:Rural|Star)[ \\t]+Route[ \\t]*#?[ \\t]*\\d{1,4}"
                    + "(?:,?[ \\t]*Box)?)(?:[ \\t]*#?[ \\t]*\\d{1,5})?(?![\\w-])");
    /** A landmark or a place named by its kind: Lake Tahoe, Fort Worth, Mount Hood, Lincoln Park, Beverly Hills. */
    private static final Pattern LANDMARK = Pattern.compile(
            "\\b(?:Lake|Mount|Mt\\.|Fort|Ft\\.|Camp|Port|Cape|Isle)[ \\t]+" + CAP_WORD + "(?:[ \\t]+" + CAP_WORD + ")?"
                    + "|\\b" + PLACE_WORDS
                    + "[ \\t]+(?:Park|Lake|River|Creek|Beach|Bay|Falls|Canyon|Forest|Reservoir|Pond|Island"
                    + "|Harbor|Harbour|Mall|Campground|Marina|Trailhead|Stadium|Valley|Springs|Heights|Hills|Woods)\\b");
    /** A disease named for a place: Valley fever, Ross River virus, Lyme disease. */
    private static final Pattern DISEASE_AFTER = Pattern.compile(
            "\\G[ \\t]+(?i:fever|disease|virus|syndrome|encephalitis|criteria|score|scale|rule|classification)\\b");
    /** Months, weekdays and places of care after a cue are not towns: "diagnosed in March", "treated in Urgent Care". */
    private static final java.util.Set<String> NOT_A_TOWN = java.util.Set.of(
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "clinic",
            "hospital",
            "emergency",
            "urgent",
            "rehab",
            "surgery",
            "office",
            "department",
            "room",
            "unit",
            "intensive",
            "the",
            "his",
            "her",
            "their",
            "our",
            "my",
            "this",
            "that",
            "care",
            "hospice",
            "labor",
            "spring",
            "summer",
            "fall",
            "autumn",
            "winter",
            "english",
            "spanish",
            "general",
            "internal",
            "family");

    /** An apartment or suite named on its own: "Apt. 864", "Suite 501" (a room or bed number is not an address). */
    private static final Pattern UNIT_ALONE =
            Pattern.compile("\\b(?:Apt|Apartment|Suite|Ste|APT|SUITE)\\.?[ \\t]*#?[ \\t]*\\d{1,5}[A-Za-z]?(?![\\w-])");
    /** A military address: PSC 0413, Box 8144, APO AA 42323. */
    private static final Pattern MILITARY = Pattern.compile(
            "(?i:\\b(?:PSC|Unit|CMR)[ \\t]+\\d{1,5},?[ \\t]*Box[ \\t]+\\d{1,5})(?:,?\\s{1,3}(?:APO|FPO|DPO)(?:[ \\t]+(?:AA|AE|AP))?)?"
                    // A ship's address: USNS Comfort, USCGC Healy.
                    + "|\\b(?:USNS|USNV|USS|USCGC)[ \\t]+\\p{Lu}[\\p{L}\\p{M}-]+(?:,?\\s{1,3}FPO(?:[ \\t]+(?:AA|AE|AP))?)?");
    /** Words that begin a street named before its number: Rua do Arenque 1634, Via Franscini 71, Calle Mayor 5. */
    private static final java.util.Set<String> STREET_FIRST = java.util.Set.of(
            "rua",
            "via",
            "viale",
            "calle",
            "avenida",
            "av.",
            "rue",
            "ul.",
            "piazza",
            "largo",
            "strada",
            "carrer",
            "paseo",
            "plaza",
            "praça",
            "travessa",
            "avinguda",
            "boulevard",
            "bd.",
            "allee",
            "ulica",
            "odos",
            "leoforos");
    /** Words that end a street named before its number: Koskikatu 25, Harjukuja 54, Mellemvej 32, Erzsébet tér 19. */
    private static final List<String> STREET_ENDINGS = List.of(
            "katu", "kuja", "tie", "tien", "polku", "gata", "gatan", "vej", "vegen", "veien", "gade", "vænget",
            "straße", "strasse", "weg", "laan", "straat", "väg", "vägen", "braut", "stræde", "gränd", "allé", "platz",
            "gasse");

    private static final java.util.Set<String> STREET_LAST = java.util.Set.of("tér", "utca", "u.", "út", "str.", "str");
    private static final java.util.Set<String> STREET_PARTICLES = java.util.Set.of(
            "do", "da", "de", "dos", "das", "del", "della", "di", "la", "le", "du", "des", "von", "van", "der");

    private static final Pattern PLACE_START = Pattern.compile("(?:St\\.|Ft\\.|Mt\\.|" + CAP_WORD + "|\\p{Lu}{3,})");
    private static final Pattern PLACE_NEXT_WORD =
            Pattern.compile("\\G(?:[ \\t]+(?:de|del|la|los|las|" + CAP_WORD + "|St\\.|\\p{Lu}{3,})|,[ \\t]*D\\.C\\.)");
    /** Credentials that are also state codes: "John Smith, MD" is a doctor, not a town in Maryland. */
    private static final java.util.Set<String> CREDENTIAL_STATES = java.util.Set.of("MD", "PA", "DO", "OR");

    /** P.O. Box, PO Box, POBox, post office box. */
    private static final Scan.Lead PO = Scan.Lead.exactly("p", "po", "pobox", "post");

    private static final Rule STREET_RULE =
            Rule.startingAt(STREET, scan -> Scan.union(houseNumbers(scan), scan.wordsLed(PO)));
    private static final Scan.Lead STREET_WORDS = Scan.Lead.exactly(
            "street",
            "avenue",
            "road",
            "boulevard",
            "lane",
            "drive",
            "court",
            "terrace",
            "parkway",
            "highway",
            "turnpike",
            "expressway",
            "route",
            "rte",
            "hwy",
            "interstate",
            "i",
            "us",
            "sr",
            "state",
            "county",
            "cr");
    private static final Rule NAMED_STREET_RULE = Rule.onLines(NAMED_STREET, scan -> scan.linesWithWords(STREET_WORDS));
    private static final Scan.Lead AREA_WORDS = Scan.Lead.exactly(
            "neighborhood",
            "neighbourhood",
            "district",
            "community",
            "suburb",
            "subdivision",
            "township",
            "borough",
            "area",
            "section",
            "projects",
            "apartments",
            "trailer",
            "assisted",
            "senior",
            "nursing",
            "retirement",
            "rehab",
            "rehabilitation",
            "manor",
            "shelter",
            "mobile");
    private static final Rule NEIGHBOURHOOD_RULE = Rule.onLines(NEIGHBOURHOOD, scan -> scan.linesWithWords(AREA_WORDS));
    private static final Scan.Lead UNIT_WORDS = Scan.Lead.exactly("apt", "apartment", "suite", "ste");
    private static final Rule UNIT_RULE = Rule.startingAt(UNIT_ALONE, scan -> scan.wordsLed(UNIT_WORDS));
    private static final Scan.Lead MILITARY_WORDS =
            Scan.Lead.exactly("psc", "unit", "cmr", "usns", "usnv", "uss", "uscgc");
    private static final Rule MILITARY_RULE = Rule.startingAt(MILITARY, scan -> scan.wordsLed(MILITARY_WORDS));
    private static final Rule CITY_STATE_RULE = Rule.startingAt(CITY_STATE, Scan::capitalsOnCommaLines);
    private static final Rule STATE_ZIP_RULE = Rule.onLines(STATE_ZIP, scan -> scan.linesAt(fiveDigitRuns(scan)));
    private static final Scan.Lead ZIP_WORDS = Scan.Lead.of("zip", "postal");
    private static final Rule CUED_ZIP_RULE = Rule.startingAt(CUED_ZIP, scan -> scan.wordsLed(ZIP_WORDS));
    private static final Scan.Lead COUNTY_WORDS = Scan.Lead.exactly("county", "parish", "borough", "township");
    private static final Rule COUNTY_RULE = Rule.onLines(COUNTY, scan -> scan.linesWithWords(COUNTY_WORDS));
    private static final Scan.Lead PLACE_CUES = Scan.Lead.of(
            "liv",
            "resid",
            "mov",
            "reloc",
            "born",
            "grew",
            "raised",
            "native",
            "home",
            "travel",
            "trip",
            "visit",
            "vacation",
            "originally",
            "commutes",
            "work",
            "employed",
            "stationed",
            "deployed",
            "transferred",
            "transported",
            "flown",
            "driven",
            "incarcerated",
            "sheltered",
            "address",
            "town",
            "city",
            "village",
            "neighbo",
            "house",
            "apartment",
            "condo",
            "farm",
            "ranch",
            "duplex",
            "trailer",
            "cabin",
            "family",
            "relatives",
            "parents",
            "son",
            "daughter",
            "sister",
            "brother",
            "drove",
            "flew",
            "hails");
    private static final Scan.Lead MORE_PLACE_CUES = Scan.Lead.of(
            "hospitali",
            "treated",
            "diagnosed",
            "operated",
            "died",
            "passed",
            "buried",
            "married",
            "surgery",
            "hospital",
            "clinic",
            "facility",
            "school",
            "college",
            "university",
            "church",
            "prison",
            "jail",
            "hotel",
            "motel",
            "factory",
            "plant",
            "office",
            "store",
            "restaurant",
            "warehouse",
            "base",
            "north",
            "south",
            "east",
            "west");
    private static final Rule CUED_RULE =
            Rule.startingAt(CUED, scan -> Scan.union(scan.wordsLed(PLACE_CUES), scan.wordsLed(MORE_PLACE_CUES)));
    private static final Scan.Lead RURAL_WORDS = Scan.Lead.exactly("rr", "r", "rural", "hc", "h", "star");
    private static final Rule RURAL_RULE = Rule.startingAt(RURAL, scan -> scan.wordsLed(RURAL_WORDS));
    private static final Scan.Lead LANDMARK_WORDS = Scan.Lead.exactly(
            "lake",
            "mount",
            "mt",
            "fort",
            "ft",
            "camp",
            "port",
            "cape",
            "isle",
            "park",
            "river",
            "creek",
            "beach",
            "bay",
            "falls",
            "canyon",
            "forest",
            "reservoir",
            "pond",
            "island",
            "harbor",
            "harbour",
            "mall",
            "campground",
            "marina",
            "trailhead",
            "stadium",
            "valley",
            "springs",
            "heights",
            "hills",
            "woods");
    private static final Rule LANDMARK_RULE = Rule.onLines(LANDMARK, scan -> scan.linesWithWords(LANDMARK_WORDS));

    /** The rules, for {@code RuleTests}. */
    static final List<Rule> RULES = List.of(
            STREET_RULE,
            UNIT_RULE,
            MILITARY_RULE,
            NAMED_STREET_RULE,
            NEIGHBOURHOOD_RULE,
            CITY_STATE_RULE,
            STATE_ZIP_RULE,
            CUED_ZIP_RULE,
            COUNTY_RULE,
            CUED_RULE,
            RURAL_RULE,
            LANDMARK_RULE);

    private static final Pattern NON_SPACE = Pattern.compile("\\S+");

    private final Lexicon lexicon;

    PlaceDetector(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    @Override
    public void find(Scan scan, Subject subject, List<Finding> into) {
        int first = into.size();
        findEach(scan, into);
        wholeAddresses(scan.text, into, first);
    }

    private void findEach(Scan scan, List<Finding> into) {
        String text = scan.text;
        for (Rule rule : List.of(STREET_RULE, UNIT_RULE, MILITARY_RULE, NAMED_STREET_RULE, RURAL_RULE)) {
            Rule.Hits hits = rule.in(scan);
            for (Matcher m; (m = hits.next()) != null; ) {
                into.add(new Finding(Identifier.LOCATION, m.start(), m.end()));
            }
        }
        Rule.Hits neighbourhoods = NEIGHBOURHOOD_RULE.in(scan);
        for (Matcher m; (m = neighbourhoods.next()) != null; ) {
            addCuedPlace(m, into);
        }
        Rule.Hits cities = CITY_STATE_RULE.in(scan);
        for (Matcher m; (m = cities.next()) != null; ) {
            boolean credential = CREDENTIAL_STATES.contains(m.group("state"))
                    && java.util.Arrays.stream(m.group("city").split("[ \\t]+")).anyMatch(lexicon::isName);
            if (lexicon.isState(m.group("state")) && !lexicon.isState(m.group("city")) && !credential) {
                int start = lastWordsNotCommon(text, m.start("city"), m.end("city"));
                if (start < m.end("city")) {
                    into.add(new Finding(Identifier.LOCATION, start, m.end("city")));
                }
                if (m.group("zip") != null) {
                    into.add(new Finding(Identifier.ZIP, m.start("zip"), m.end("zip")));
                }
            }
        }
        Rule.Hits zips = STATE_ZIP_RULE.in(scan);
        for (Matcher m; (m = zips.next()) != null; ) {
            if (lexicon.isState(m.group("state"))) {
                into.add(new Finding(Identifier.ZIP, m.start("zip"), m.end("zip")));
            }
        }
        Rule.Hits cuedZips = CUED_ZIP_RULE.in(scan);
        for (Matcher m; (m = cuedZips.next()) != null; ) {
            into.add(new Finding(Identifier.ZIP, m.start("zip"), m.end("zip")));
        }
        Rule.Hits counties = COUNTY_RULE.in(scan);
        for (Matcher m; (m = counties.next()) != null; ) {
            into.add(new Finding(Identifier.LOCATION, m.start(), m.end()));
        }
        Rule.Hits cued = CUED_RULE.in(scan);
        for (Matcher m; (m = cued.next()) != null; ) {
            addCuedPlace(m, into);
        }
        Rule.Hits landmarks = LANDMARK_RULE.in(scan);
        Matcher disease = DISEASE_AFTER.matcher(text);
        for (Matcher m; (m = landmarks.next()) != null; ) {
            int start = m.start();
            // "The", "Went", "Patient": words a place's name does not start with.
            for (Matcher w = NON_SPACE.matcher(text).region(m.start(), m.end());
                    w.find() && NameDetector.NEVER.contains(w.group().toLowerCase(java.util.Locale.ROOT)); ) {
                start = w.end();
                while (start < m.end() && Character.isWhitespace(text.charAt(start))) {
                    start++;
                }
            }
            if (start < m.end()
                    && text.indexOf(' ', start) >= 0
                    && text.indexOf(' ', start) < m.end()
                    && !clinical(text, start, m.end())
                    && !disease.region(m.end(), text.length()).lookingAt()) {
                into.add(new Finding(Identifier.LOCATION, start, m.end()));
            }
        }
        gazetteer(scan, into);
        streetsBeforeNumbers(scan, into);
    }

    /** A street by its kind after "and": the other side of a corner (Route 9 and Hollis Street). */
    private static final Pattern CORNER_AFTER = Pattern.compile(
            "\\G[ \\t]+(?:and|&)[ \\t]+(?:(?:" + CAP_WORD + ")[ \\t]+){1,3}" + STREET_KIND + "(?![\\p{L}])");
    /** What joins two places of one address or corner: "and", "&", "/". */
    private static final Pattern JOIN = Pattern.compile("[ \\t]+(?:and|&|at)[ \\t]+|[ \\t]*/[ \\t]*");
    /** A city after a street line and its comma, before the end of the phrase: "418 Main Street, Springfield." */
    private static final Pattern CITY_AFTER_STREET =
            Pattern.compile("\\G,[ \\t]*(?<place>" + PLACE_WORDS + ")(?=[ \\t]*(?:[,.;:)\\n]|$))");
    /** A number just before a street line (a building's number before the house's, as in 9931 14 Iliou Street). */
    private static final Pattern NUMBER_BEFORE = Pattern.compile("(?<![\\w/.,:-])\\d{1,6}[ \\t]+\\z");

    /**
     * The parts of one address found apart, made whole: a number before a street line, the other
     * street of a corner, the city after a street's comma; places joined by "and" or "/" become one.
     */
    private void wholeAddresses(String text, List<Finding> into, int first) {
        var places = new java.util.ArrayList<Finding>();
        for (int i = first; i < into.size(); i++) {
            if (into.get(i).kind() == Identifier.LOCATION) {
                places.add(into.get(i));
            }
        }
        places.sort(java.util.Comparator.comparingInt(Finding::start));
        Matcher before = NUMBER_BEFORE.matcher(text).useTransparentBounds(true);
        Matcher corner = CORNER_AFTER.matcher(text).useTransparentBounds(true);
        Matcher city = CITY_AFTER_STREET.matcher(text).useTransparentBounds(true);
        Matcher join = JOIN.matcher(text);
        Finding last = null;
        for (Finding f : places) {
            int start = f.start();
            int end = f.end();
            boolean street = false;
            for (int i = start; i < end && !street; i++) {
                street = Character.isDigit(text.charAt(i));
            }
            if (street && before.region(Math.max(0, start - 8), start).find()) {
                start = before.start();
            }
            if (corner.region(end, text.length()).lookingAt()) {
                end = corner.end();
            }
            if (street && city.region(end, text.length()).lookingAt()) {
                String place = city.group("place");
                if (!lexicon.isState(place) && !lexicon.isClinical(place.split("[ \\t]+")[0])) {
                    into.add(new Finding(Identifier.LOCATION, city.start("place"), city.end("place")));
                }
            }
            if (last != null
                    && last.end() <= start
                    && join.region(last.end(), start).matches()) {
                // One span over both (overlapping, so they merge): "[LOCATION]", not three surrogates in a row.
                into.add(new Finding(Identifier.LOCATION, last.start(), end));
            }
            if (start != f.start() || end != f.end()) {
                into.add(new Finding(Identifier.LOCATION, start, end));
            }
            last = new Finding(Identifier.LOCATION, start, end);
        }
    }

    /**
     * A street named before its house number (the order of most of Europe and Latin America): a
     * word that begins streets (Rua, Via, Calle…) up to three words before the number, or a last
     * word that ends them (…katu, …vej, …straße, tér).
     */
    private void streetsBeforeNumbers(Scan scan, List<Finding> into) {
        String text = scan.text;
        for (int number : scan.looked(scan.digitStarts())) {
            // Only a number after a word and a space can follow a street's name.
            int before = number;
            while (before > 0 && (text.charAt(before - 1) == ' ' || text.charAt(before - 1) == '\t')) {
                before--;
            }
            if (before == number
                    || before == 0
                    || !Character.isLetter(text.charAt(before - 1)) && text.charAt(before - 1) != '.') {
                continue;
            }
            int end = number;
            while (end < text.length() && end - number <= 5 && Character.isDigit(text.charAt(end))) {
                end++;
            }
            if (end - number > 5
                    || end < text.length()
                            && Character.isLetterOrDigit(text.charAt(end))
                            && !Character.isLetter(text.charAt(end))) {
                continue;
            }
            if (end < text.length()
                    && Character.isLetter(text.charAt(end))
                    && (end + 1 < text.length() && Character.isLetter(text.charAt(end + 1)))) {
                continue;
            }
            if (end < text.length() && Character.isLetter(text.charAt(end))) {
                end++;
            }
            // Up to four words back on the same line, nearest first.
            int[] starts = new int[4];
            int[] ends = new int[4];
            int words = 0;
            for (int at = number; words < 4; words++) {
                int gap = at;
                while (gap > 0 && (text.charAt(gap - 1) == ' ' || text.charAt(gap - 1) == '\t')) {
                    gap--;
                }
                int wordStart = gap;
                while (wordStart > 0
                        && (Character.isLetter(text.charAt(wordStart - 1))
                                || ".-'".indexOf(text.charAt(wordStart - 1)) >= 0)) {
                    wordStart--;
                }
                if (gap == at || wordStart == gap || !Character.isLetter(text.charAt(wordStart))) {
                    break;
                }
                starts[words] = wordStart;
                ends[words] = gap;
                at = wordStart;
            }
            int start = -1;
            if (words > 0) {
                String last = text.substring(starts[0], ends[0]).toLowerCase(java.util.Locale.ROOT);
                boolean ending = false;
                for (int k = 0;
                        k < STREET_ENDINGS.size() && !ending && Character.isUpperCase(text.charAt(starts[0]));
                        k++) {
                    String e = STREET_ENDINGS.get(k);
                    ending = last.length() > e.length() + 2 && last.endsWith(e);
                }
                if (ending
                        || STREET_LAST.contains(last) && words > 1 && Character.isUpperCase(text.charAt(starts[1]))) {
                    start = starts[0];
                    for (int k = 1;
                            k < words
                                    && Character.isUpperCase(text.charAt(starts[k]))
                                    && !lexicon.isClinical(text.substring(starts[k], ends[k]))
                                    && !lexicon.isState(text.substring(starts[k], ends[k]));
                            k++) {
                        start = starts[k];
                    }
                } else {
                    for (int k = 0; k < words; k++) {
                        String word = text.substring(starts[k], ends[k]);
                        boolean capitalised = Character.isUpperCase(word.charAt(0));
                        if (capitalised && STREET_FIRST.contains(word.toLowerCase(java.util.Locale.ROOT))) {
                            start = starts[k];
                            break;
                        }
                        if (!capitalised && !STREET_PARTICLES.contains(word)) {
                            break;
                        }
                    }
                }
            }
            if (start >= 0 && !lexicon.isClinical(text.substring(start, number).strip())) {
                into.add(new Finding(Identifier.LOCATION, start, end));
            }
        }
    }

    /** A house number: up to six digits, then a space, a dash or a letter (12B, 12-14). */
    private static int[] houseNumbers(Scan scan) {
        String text = scan.text;
        var out = new Scan.IntList(256);
        for (int p : scan.digitStarts()) {
            int end = p;
            while (end < text.length() && end - p <= 6 && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
                end++;
            }
            char next = end < text.length() ? text.charAt(end) : 0;
            if (end - p <= 6
                    && (next == ' ' || next == '\t' || next == '-' || next < 128 && Character.isLetter(next))) {
                out.add(p);
            }
        }
        return out.toArray();
    }

    /** Runs of exactly five digits (a ZIP, or the first part of a ZIP+4). */
    private static int[] fiveDigitRuns(Scan scan) {
        String text = scan.text;
        var out = new Scan.IntList(64);
        for (int p : scan.digitStarts()) {
            int end = p;
            while (end < text.length() && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
                end++;
            }
            if (end - p == 5) {
                out.add(p);
            }
        }
        return out.toArray();
    }

    /** Places the lexicon knows, as whole capitalised words (one to four of them). */
    private void gazetteer(Scan scan, List<Finding> into) {
        String text = scan.text;
        Matcher word = PLACE_START.matcher(text);
        Matcher run = PLACE_NEXT_WORD.matcher(text);
        int n = text.length();
        int from = 0;
        while (from < n) {
            // Every place word starts with a capital: only there is the pattern tried.
            int start = scan.nextLookedAt(from);
            while (start < n && Character.getType(text.codePointAt(start)) != Character.UPPERCASE_LETTER) {
                start++;
            }
            if (start >= n) {
                break;
            }
            if (!scan.looksAt(start)) {
                from = scan.nextLookedAt(start);
                continue;
            }
            word.region(start, n);
            if (!word.lookingAt()) {
                from = start + 1;
                continue;
            }
            int bestEnd = -1;
            int end = word.end();
            // A place's first word must begin some place of the lexicon, or none of its runs is one.
            if (lexicon.isPlaceStart(text.substring(start, end))) {
                for (int words = 1; words <= 4; words++) {
                    if (lexicon.isPlace(text.substring(start, end))) {
                        bestEnd = end;
                    }
                    run.region(end, n);
                    if (!run.lookingAt()) {
                        break;
                    }
                    end = run.end();
                }
            }
            // Glasgow Coma Scale, Denver shunt, Ann Arbor staging: a place name that is also a clinical word stays.
            if (bestEnd > 0 && !clinical(text, start, bestEnd)) {
                into.add(new Finding(Identifier.LOCATION, start, bestEnd));
                from = bestEnd;
            } else {
                from = word.end();
            }
        }
    }

    /** The place a cue names, unless it is a state (kept) or starts with a clinical word. */
    private void addCuedPlace(Matcher m, List<Finding> into) {
        String group = m.group("place") != null ? "place" : "place2";
        String place = m.group(group);
        String first = place.split("[ \\t]+")[0];
        if (!lexicon.isState(place)
                && !lexicon.isClinical(first)
                && !NOT_A_TOWN.contains(first.toLowerCase(java.util.Locale.ROOT))) {
            into.add(new Finding(Identifier.LOCATION, m.start(group), m.end(group)));
        }
    }

    private boolean clinical(String text, int start, int end) {
        for (String word : text.substring(start, end).split("[ \\t,]+")) {
            if (lexicon.isClinical(word)) {
                return true;
            }
        }
        return CLINICAL_AFTER
                .matcher(text.substring(end, Math.min(text.length(), end + 60)))
                .find();
    }

    /** "Seen at the clinic in Dayton, OH": of the words before the state, the place is what follows the last lowercase word. */
    private static int lastWordsNotCommon(String text, int start, int end) {
        int at = start;
        Matcher words = NON_SPACE.matcher(text).region(start, end);
        while (words.find()) {
            String w = words.group();
            if (w.equals("Patient")
                    || w.equals("Address")
                    || w.equals("Home")
                    || w.equals("City")
                    || w.equals("Seen")) {
                at = words.end();
                while (at < end && Character.isWhitespace(text.charAt(at))) {
                    at++;
                }
            }
        }
        return at;
    }
}
