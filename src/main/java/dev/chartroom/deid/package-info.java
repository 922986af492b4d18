/**
 * De-identification (HIPAA Safe Harbor, 45 CFR 164.514(b)(2)) of what an upload with
 * {@code anonymize=true} stores: structured fields ({@link dev.chartroom.deid.RecordDeidentifier}:
 * names, contacts and addresses removed, keyed pseudonyms for ids, per-patient date shifts, ZIP
 * truncated) and free text ({@link dev.chartroom.deid.TextDeidentifier}: typed surrogates).
 *
 * <p>Other modules call {@link dev.chartroom.deid.Deidentification}. Plain rules, no Spring, no I/O
 * beyond the word lists in {@code deid/}; nothing is logged.
 */
package dev.chartroom.deid;
