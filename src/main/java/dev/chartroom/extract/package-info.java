/**
 * Clinical extraction: medications (name, ingredients, dose, route, frequency) and allergies (substance,
 * reaction) read out of free clinical text, each with the span of text it came from.
 *
 * <p>Other modules call {@link dev.chartroom.extract.ClinicalExtractor} and read its
 * {@link dev.chartroom.extract.Extraction}. The module owns the built-in, offline extractor (the
 * default, with a drug lexicon derived from the CC0 DrugBank vocabulary and the public-domain FDA
 * Drugs@FDA product names, each mapped to its ingredients), the optional provider
 * for any OpenAI-compatible chat-completions endpoint, and the {@code chartroom.extraction.*}
 * settings that choose between them. Nothing here needs the network unless that provider is
 * configured, and no note text is ever logged.
 */
package dev.chartroom.extract;
