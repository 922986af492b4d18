package dev.chartroom.document;

import java.io.IOException;

/**
 * A file went past its {@link DecodingBudget}; the message says which budget, in words shown to the
 * organization. An {@link IOException} so that it can leave PDFBox's and ImageIO's callbacks.
 */
final class DecodingLimitExceeded extends IOException {

    DecodingLimitExceeded(String message) {
        super(message, null);
    }
}
