package dev.chartroom.upload;

/**
 * One problem with one row of an uploaded file, reported back rather than failing the upload.
 *
 * @param row    the 1-based line number in the file where the row starts (the header is line 1); null for the file as a whole
 * @param column the column concerned, when one is
 */
public record RowError(Long row, String column, String reason) {}
