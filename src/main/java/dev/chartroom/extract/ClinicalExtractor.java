package dev.chartroom.extract;

/**
 * Reads medications and allergies out of free clinical text. This is the extract module's entry:
 * the application context holds one, built from {@link ExtractionProperties} (the offline,
 * rule-based extractor unless {@code chartroom.extraction.provider=openai}).
 *
 * <p>Implementations never throw for odd input: empty, huge or non-clinical text gives an
 * {@link Extraction} with empty lists. They never log the text.
 */
public interface ClinicalExtractor {

    /** The built-in, offline extractor with the lexicon that ships in the jar (read once, shared). */
    static ClinicalExtractor builtin() {
        return new RuleBasedExtractor(DrugLexicon.shipped());
    }

    /**
     * @param text the note, as stored; {@code null} is read as empty
     * @return what was found, in order of appearance, without duplicates by name or substance
     */
    Extraction extract(String text);

    /**
     * Whether {@link #extract} runs on this machine, quickly enough to call inside a request. A
     * remote model is not: callers run it from a background job instead.
     */
    default boolean local() {
        return true;
    }
}
