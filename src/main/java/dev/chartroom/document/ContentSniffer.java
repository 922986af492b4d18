package dev.chartroom.document;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Tells what a file is from its first bytes: PDF, PNG and JPEG by their signatures, text by the
 * absence of NUL and other binary control bytes and by decoding. Names and declared content
 * types are never trusted.
 */
public final class ContentSniffer {

    /** How many leading bytes a caller should pass: enough for signatures and a text check. */
    public static final int SAMPLE_SIZE = 8192;

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private ContentSniffer() {}

    /**
     * What a whole file is: its signature from the first bytes and, for text, every byte checked
     * (a NUL or other binary byte anywhere makes it not text).
     */
    public static ContentKind sniff(byte[] content) {
        int sample = Math.min(content.length, SAMPLE_SIZE);
        ContentKind kind = sniff(content, sample, sample == content.length);
        if (kind == ContentKind.TEXT && sample < content.length && !isText(content, content.length, true)) {
            return ContentKind.OTHER;
        }
        return kind;
    }

    /**
     * @param sample   the file's first bytes (up to {@link #SAMPLE_SIZE})
     * @param complete whether the sample is the whole file (a cut-off multi-byte character at the
     *                 end of a partial sample is not a decoding error)
     */
    public static ContentKind sniff(byte[] sample, int length, boolean complete) {
        if (length == 0) {
            return ContentKind.OTHER;
        }
        if (isPdf(sample, length)) {
            return ContentKind.PDF;
        }
        if (startsWith(sample, length, PNG)) {
            return ContentKind.PNG;
        }
        if (length >= 3 && (sample[0] & 0xff) == 0xff && (sample[1] & 0xff) == 0xd8 && (sample[2] & 0xff) == 0xff) {
            return ContentKind.JPEG;
        }
        return isText(sample, length, complete) ? ContentKind.TEXT : ContentKind.OTHER;
    }

    /**
     * The structured format a text file is written in, when it is one that is data rather than a
     * note: {@code JSON} (also NDJSON), {@code XML} (also C-CDA), {@code HTML} or {@code RTF}.
     * Judged by the first meaningful characters; empty for plain text and CSV.
     */
    public static java.util.Optional<String> markup(byte[] content) {
        String start = new String(content, 0, Math.min(content.length, 512), StandardCharsets.ISO_8859_1);
        start = start.replace("\u00EF\u00BB\u00BF", "").stripLeading();
        String lower = start.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("{\\rtf")) {
            return java.util.Optional.of("RTF");
        }
        if (lower.startsWith("<!doctype html") || lower.startsWith("<html")) {
            return java.util.Optional.of("HTML");
        }
        if (lower.startsWith("<?xml")
                || XML_ELEMENT.matcher(start).lookingAt() && (start.contains("</") || start.contains("/>"))) {
            return java.util.Optional.of("XML");
        }
        if (JSON_START.matcher(start).lookingAt()) {
            return java.util.Optional.of("JSON");
        }
        return java.util.Optional.empty();
    }

    /** An element start such as {@code <ClinicalDocument xmlns="…">} or {@code <a:b>}. */
    private static final java.util.regex.Pattern XML_ELEMENT =
            java.util.regex.Pattern.compile("<[A-Za-z_][\\w.:-]*(\\s+[\\w.:-]+\\s*=\\s*(\"[^\"]*\"|'[^']*'))*\\s*/?>");
    /**
     * An object whose first member has a quoted name, an empty object, or an array that opens a
     * line of its own or holds objects, arrays or strings ({@code [1] Smith et al.} is a note).
     */
    private static final java.util.regex.Pattern JSON_START =
            java.util.regex.Pattern.compile("\\{\\s*(\"|})|\\[\\s*([{\\[\"\\]]|\\r?\\n)");

    /** PDF readers accept the header anywhere in the first 1024 bytes; so does this. */
    private static boolean isPdf(byte[] sample, int length) {
        int limit = Math.min(length, 1024) - 5;
        for (int i = 0; i <= limit; i++) {
            if (sample[i] == '%'
                    && sample[i + 1] == 'P'
                    && sample[i + 2] == 'D'
                    && sample[i + 3] == 'F'
                    && sample[i + 4] == '-') {
                return true;
            }
        }
        return false;
    }

    private static boolean isText(byte[] sample, int length, boolean complete) {
        for (int i = 0; i < length; i++) {
            int b = sample[i] & 0xff;
            boolean control = b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f';
            if (control || b == 0x7f) {
                return false;
            }
        }
        if (decodesAsUtf8(sample, length, complete)) {
            return true;
        }
        // Latin-1 decodes any byte; accept it only without C1 control characters, which real
        // Latin-1 text does not contain but binary data and UTF-16 do.
        for (int i = 0; i < length; i++) {
            int b = sample[i] & 0xff;
            if (b >= 0x80 && b < 0xa0) {
                return false;
            }
        }
        return true;
    }

    static boolean decodesAsUtf8(byte[] sample, int length, boolean complete) {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int end = length;
        if (!complete) {
            // Drop a multi-byte sequence the sample may have cut in half.
            int back = 0;
            while (back < 3 && end - back - 1 >= 0 && (sample[end - back - 1] & 0xc0) == 0x80) {
                back++;
            }
            if (end - back - 1 >= 0 && (sample[end - back - 1] & 0xc0) == 0xc0) {
                end = end - back - 1;
            }
        }
        try {
            decoder.decode(ByteBuffer.wrap(sample, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] sample, int length, byte[] prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (sample[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
