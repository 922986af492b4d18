package dev.chartroom.caseflow;

import java.time.Instant;

/** A consult note kept on a case. */
record CaseNote(String category, String text, Instant createdAt) {}
