/**
 * Streaming CSV reading with the limits every CSV intake shares (columns, field size), and the
 * per-type schemas that turn rows into domain facts and row errors.
 */
package dev.chartroom.csv;
