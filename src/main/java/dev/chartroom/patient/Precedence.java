package dev.chartroom.patient;

/** When an upload states a field the stored patient already has, which value stays. */
public enum Precedence {
    /** Structured uploads (CSV) are the organization's system of record: their values replace. */
    UPLOAD_WINS,
    /** Facts read out of free text only fill fields that are still empty. */
    STORED_WINS
}
