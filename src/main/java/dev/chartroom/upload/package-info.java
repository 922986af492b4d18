/**
 * The record of every accepted request that brought data in: what came (kind, name, size,
 * checksum), how it went (status, counts) and its row-level errors; readable at {@code /v1/uploads}.
 */
package dev.chartroom.upload;
