package dev.chartroom.document;

import java.time.Duration;

/**
 * How much one file may cost to decode: pixels of any one image (read from headers before any pixel
 * is decoded), bytes that the compressed streams of a PDF may inflate to, and time. A file past any
 * of them is refused with a reason, never decoded in full.
 *
 * @param maxImagePixels  pixels (width × height) of one image at the most
 * @param maxDecodedBytes bytes the streams read from one PDF (contents, forms, fonts) may decompress to
 * @param timeLimit       how long reading one file may take
 */
record DecodingBudget(long maxImagePixels, long maxDecodedBytes, Duration timeLimit) {

    /** The defaults of {@code chartroom.documents.*}. */
    public static final DecodingBudget DEFAULT = new DecodingBudget(50_000_000L, 64L << 20, Duration.ofSeconds(10));

    public DecodingBudget {
        if (maxImagePixels < 1 || maxDecodedBytes < 1 || timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("decoding budgets must be positive");
        }
    }

    /** Refuses an image of this size when it has more pixels than the budget. */
    void checkPixels(String what, long width, long height) throws DecodingLimitExceeded {
        if (width > 0 && height > 0 && width * height > maxImagePixels) {
            throw new DecodingLimitExceeded(what + " is " + width + "×" + height + " pixels, more than the "
                    + megapixels(maxImagePixels) + " allowed.");
        }
    }

    /** A new clock for one file's work. */
    Deadline start(String what) {
        return new Deadline(what, timeLimit);
    }

    static String megapixels(long pixels) {
        return pixels % 1_000_000 == 0 ? pixels / 1_000_000 + " megapixels" : pixels + " pixels";
    }

    static String size(long bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MB" : bytes + " bytes";
    }
}
