package dev.chartroom.extract;

import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Generators of clinical-looking text for property tests: notes built from the pieces real notes are
 * made of (section headings, drug names from the lexicon, doses, dates and ordinals, cue words,
 * abbreviations with dots, punctuation and line ends), with odd Unicode mixed in, and raw strings.
 */
public final class ClinicalFragments {

    static final List<String> HEADINGS = List.of(
            "Medications:",
            "MEDICATIONS:",
            "Medications",
            "# Medications",
            "## Current medications",
            "Meds reviewed",
            "Meds reviewed and reconciled:",
            "Current medications include",
            "Allergies:",
            "ALLERGIES:",
            "Allergies",
            "Allergy list:",
            "Drug allergies -",
            "# Allergies",
            "NOTE:",
            "CALL:",
            "HPI:",
            "Plan:",
            "A/P:",
            "PMH:",
            "ASSESSMENT:",
            "## Plan",
            "Assessment and plan:",
            "Social history:",
            "TELEPHONE ENCOUNTER:",
            "Category: telephone",
            "Subjective",
            "ROS:",
            "#",
            "##");

    /** Names the lexicon holds (checked by the tests), single and multi-word, brand and generic. */
    static final List<String> DRUGS = List.of(
            "lisinopril",
            "metformin",
            "atorvastatin",
            "amlodipine",
            "Lipitor",
            "aspirin",
            "warfarin",
            "insulin glargine",
            "albuterol",
            "fluticasone",
            "levothyroxine",
            "omeprazole",
            "gabapentin",
            "sertraline",
            "losartan",
            "hydrochlorothiazide",
            "prednisone",
            "amoxicillin",
            "ibuprofen",
            "acetaminophen",
            "codeine",
            "penicillin",
            "Advair",
            "Tylenol",
            "furosemide",
            "metoprolol",
            "clopidogrel",
            "apixaban");

    static final List<String> SUBSTANCES = List.of(
            "sulfa",
            "penicillin",
            "peanuts",
            "latex",
            "codeine",
            "shellfish",
            "iodine",
            "sulfa drugs",
            "NKDA",
            "none",
            "No known drug allergies");

    static final List<String> DOSES = List.of(
            "10 mg",
            "5mg",
            "250/50 mcg",
            "2 puffs",
            "0.5 mg",
            "1-2 tabs",
            "100 units",
            "1 g",
            "20 mg/mL",
            "2.5%",
            "1 tab",
            "40mg",
            ".5 mg",
            "10 to 20 mg",
            "3");

    static final List<String> SIGS = List.of(
            "PO",
            "daily",
            "BID",
            "q6h PRN",
            "at bedtime",
            "p.o. q.d.",
            "IV",
            "every 4 hours as needed",
            "SL",
            "inhaled",
            "q.i.d.",
            "weekly",
            "qhs",
            "b.i.d.",
            "PRN");

    static final List<String> DATES = List.of(
            "3rd",
            "10th",
            "1st.",
            "2nd",
            "21st",
            "03/12/1980",
            "Jan. 5",
            "2024-01-01",
            "Mar 3rd, 2021",
            "5/6",
            "12.",
            "1.",
            "No. 4",
            "on the 3rd.");

    static final List<String> CUES = List.of(
            "taking",
            "takes",
            "started",
            "start",
            "stopped",
            "on",
            "continue",
            "allergic to",
            "allergy",
            "allergies",
            "denies",
            "held",
            "discontinued",
            "was discussed",
            "not",
            "no",
            "reaction to",
            "causes",
            "gives her",
            "which cause",
            "previously failed",
            "Dr.",
            "e.g.",
            "i.e.",
            "St.",
            "vs.",
            "Pt",
            "patient",
            "She",
            "and",
            "or",
            "with",
            "(",
            ")",
            "[",
            "]",
            "rash",
            "hives",
            "(hives)",
            "- rash",
            "→ swelling",
            "anaphylaxis");

    static final List<String> PUNCTUATION = List.of(
            ".", ". ", ",", ", ", ";", ":", " - ", "-", "/", "+", "\n", "\n\n", "\n- ", "\n* ", "\n1. ", "\n2) ", "\t",
            "  ", " ", "•", "!", "?", "...", "'", "\"");

    /** Unicode that trips offset arithmetic: surrogates (paired and lone), combining marks, RTL, NBSP, line separators. */
    static final List<String> UNICODE = List.of(
            "\u00A0",
            "\u200F",
            "\u202E",
            "é",
            "e\u0301",
            "\uD83D\uDE00",
            "\uD83D",
            "\uDE00",
            "\u2028",
            "\u2029",
            "\u0085",
            "\uFEFF",
            "ﬁ",
            "\u0000",
            "İ",
            "ß",
            "مريض",
            "患者",
            "\u3000",
            "\u000B",
            "\f");

    private ClinicalFragments() {}

    /** A note of up to {@code max} pieces (words, headings, joints), with {@code \n} line ends only. */
    public static Arbitrary<String> notes(int max) {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of(HEADINGS)),
                net.jqwik.api.Tuple.of(5, Arbitraries.of(DRUGS)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(SUBSTANCES)),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(DOSES)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(SIGS)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(DATES)),
                net.jqwik.api.Tuple.of(4, Arbitraries.of(CUES)),
                net.jqwik.api.Tuple.of(6, Arbitraries.of(PUNCTUATION)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(UNICODE)),
                net.jqwik.api.Tuple.of(
                        1, Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8)),
                net.jqwik.api.Tuple.of(12, Arbitraries.of(" ", " ", " ", "\n", ". ")));
        return piece.list().ofMaxSize(max).map(parts -> String.join("", parts));
    }

    /** Any string: every char, lone surrogates included. */
    public static Arbitrary<String> raw() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(120),
                Arbitraries.strings()
                        .withChars("\n\r\t .:;,-#()[]/*•0123456789aAeEsSmMlLiIyYdDrRtT\u00A0")
                        .ofMaxLength(120));
    }

    /** The drug names of a generator list that the lexicon really holds. */
    static List<String> known(DrugLexicon lexicon, Stream<String> names) {
        return names.filter(lexicon::isDrug).toList();
    }
}
