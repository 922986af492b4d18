package dev.chartroom.extract;

import dev.chartroom.text.LineFeeds;
import java.util.LinkedHashMap;

/**
 * The built-in, offline extractor: section-aware rules over a drug lexicon.
 *
 * <p>{@link Sections} cut the note. Inside a medication section ("Medications:", "CURRENT
 * MEDICATIONS") every drug named is a current medication unless its {@link MentionContext} says
 * otherwise ("held", "in the past", "Mother received"); elsewhere a drug counts when a cue says the
 * patient takes it ("taking", "on", "started", "for his rhinitis") or dosing follows it. Drugs of
 * procedure, laboratory and family-history sections are never the patient's medications. Each
 * medication carries its ingredients from the {@link DrugLexicon}. Allergies come from allergy
 * sections and from phrasing such as "allergic to X (hives)", "X allergy - rash" or "X caused Y";
 * a substance is always a known drug, class or allergen, and "NKDA" and the like give none.
 *
 * <p>Runs in time linear in the text: every look-around is bounded to a short window.
 */
final class RuleBasedExtractor implements ClinicalExtractor {

    private final MedicationReader medicationReader;
    private final AllergyReader allergyReader;

    RuleBasedExtractor(DrugLexicon lexicon) {
        this.medicationReader = new MedicationReader(lexicon);
        this.allergyReader = new AllergyReader(lexicon);
    }

    @Override
    public Extraction extract(String given) {
        if (given == null || given.isBlank()) {
            return Extraction.empty(Extraction.BUILTIN);
        }
        // The rules read \n line ends; spans are mapped back to the text as given.
        LineFeeds lines = LineFeeds.of(given);
        String text = lines.text();
        var medications = new LinkedHashMap<String, Medication>();
        var allergies = new LinkedHashMap<String, Allergy>();
        for (Sections.Section section : Sections.of(text)) {
            switch (section.kind()) {
                case MEDICATIONS -> {
                    medicationReader.read(
                            text, section.start(), section.end(), MedicationReader.Reading.LIST, medications);
                    allergyReader.phrases(text, section.start(), section.end(), allergies);
                }
                case ALLERGIES ->
                    allergyReader.list(
                            text,
                            section.start(),
                            section.end(),
                            allergies,
                            unit -> medicationReader.read(
                                    text, unit[0], unit[1], MedicationReader.Reading.PROSE, medications));
                case OTHER -> {
                    medicationReader.read(
                            text, section.start(), section.end(), MedicationReader.Reading.PROSE, medications);
                    allergyReader.phrases(text, section.start(), section.end(), allergies);
                }
                case PAST -> {
                    medicationReader.read(
                            text, section.start(), section.end(), MedicationReader.Reading.PAST, medications);
                    allergyReader.phrases(text, section.start(), section.end(), allergies);
                }
                // what a lab measured or a relative takes is not the patient's medication; what a procedure
                // administered is not either, only what the patient goes home on (MedicationReader.Reading.AFTERWARDS)
                case PROCEDURE -> {
                    medicationReader.read(
                            text, section.start(), section.end(), MedicationReader.Reading.AFTERWARDS, medications);
                    allergyReader.phrases(text, section.start(), section.end(), allergies);
                }
                case LABS, FAMILY -> {}
            }
        }
        return new Extraction(
                medications.values().stream()
                        .map(m -> new Medication(
                                m.name(),
                                m.ingredients(),
                                m.dose(),
                                m.route(),
                                m.frequency(),
                                inOriginal(lines, m.span())))
                        .toList(),
                allergies.values().stream()
                        .map(a -> new Allergy(a.substance(), a.reaction(), inOriginal(lines, a.span())))
                        .toList(),
                Extraction.BUILTIN,
                null);
    }

    private static Span inOriginal(LineFeeds lines, Span span) {
        int start = lines.start(span.start());
        return new Span(start, Math.max(start, lines.end(span.end())));
    }
}
