package dev.chartroom.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Per-contract limits, each defaulting to its seed's value.
 *
 * @param patientUploadMaxFileSize the patient upload's per-file limit ({@code 3MB}: 400 file_too_large above it)
 * @param pdfMaxPages               pages of a PDF read for text at the most
 */
@ConfigurationProperties("chartroom.intake")
public record IntakeLimits(@DefaultValue("3MB") DataSize patientUploadMaxFileSize,
                           @DefaultValue("500") int pdfMaxPages) {
}
