package dev.chartroom.csv;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What makes a file "not a sane table", refused as a whole before anything is written.
 *
 * @param maxColumns   columns a CSV may have at the most
 * @param maxFieldSize the longest single field
 */
@ConfigurationProperties("chartroom.csv")
public record CsvLimits(
        @DefaultValue("1000") int maxColumns,
        @DefaultValue("64KB") DataSize maxFieldSize) {}
