package dev.chartroom.intake;

import dev.chartroom.text.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.springframework.web.multipart.MultipartFile;

/**
 * An uploaded file part, read from where the container keeps it (a temporary file above
 * {@code chartroom.limits.file-size-threshold}) each time it is asked for, rather than held in
 * memory: a CSV is scanned once ({@link #scan()}) and then read as text in a second pass, so a
 * request holds a few buffers whatever the file's size. {@link #bytes()} is for the files that are
 * needed whole (a PDF to decode, a note to keep).
 */
public final class UploadedFile {

    private final MultipartFile part;

    private UploadedFile(MultipartFile part) {
        this.part = part;
    }

    /** The part as an uploaded file; null when the part is absent. */
    public static UploadedFile of(MultipartFile part) {
        return part == null ? null : new UploadedFile(part);
    }

    /** The name the client gave the file; may be null. */
    public String name() {
        return part.getOriginalFilename();
    }

    public long size() {
        return part.getSize();
    }

    /** A fresh stream over the whole file; the caller closes it. */
    public InputStream open() {
        try {
            return part.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole file in memory. */
    public byte[] bytes() {
        try (InputStream in = open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's first bytes, at most {@code max} of them. */
    public byte[] head(int max) {
        try (InputStream in = open()) {
            return in.readNBytes(max);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What one pass over every byte tells.
     *
     * @param sha256 the hex SHA-256 of the file
     * @param text   whether it is text by the rules of {@code ContentSniffer} (no control byte other
     *               than tab, line breaks and form feed; UTF-8, or Latin-1 without C1 controls)
     * @param utf8   whether it decodes as UTF-8 (otherwise it is read as Latin-1)
     */
    public record Scan(String sha256, boolean text, boolean utf8) {}

    public Scan scan() {
        MessageDigest digest = Sha256.newDigest();
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        boolean control = false;
        boolean c1 = false;
        boolean utf8 = true;
        byte[] buffer = new byte[64 * 1024];
        ByteBuffer pending = ByteBuffer.allocate(buffer.length + 8);
        CharBuffer chars = CharBuffer.allocate(buffer.length + 8);
        try (InputStream in = open()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
                for (int i = 0; i < n; i++) {
                    int b = buffer[i] & 0xff;
                    control |= b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' || b == 0x7f;
                    c1 |= b >= 0x80 && b < 0xa0;
                }
                if (utf8) {
                    pending.put(buffer, 0, n).flip();
                    utf8 = decodes(decoder, pending, chars, false);
                    pending.compact();
                }
            }
            if (utf8) {
                pending.flip();
                utf8 = decodes(decoder, pending, chars, true)
                        && !decoder.flush(chars.clear()).isError();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Scan(HexFormat.of().formatHex(digest.digest()), !control && (utf8 || !c1), utf8);
    }

    private static boolean decodes(CharsetDecoder decoder, ByteBuffer bytes, CharBuffer chars, boolean end) {
        while (true) {
            CoderResult result = decoder.decode(bytes, chars.clear(), end);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                return true;
            }
        }
    }

    /**
     * The file as text, in the encoding its scan found (UTF-8 without its BOM, or Latin-1), read
     * as it is consumed. The caller closes it.
     */
    public Reader text(Scan scan) {
        InputStream in = open();
        try {
            if (scan.utf8()) {
                in = new java.io.BufferedInputStream(in);
                in.mark(3);
                byte[] start = in.readNBytes(3);
                boolean bom = start.length == 3
                        && (start[0] & 0xff) == 0xef
                        && (start[1] & 0xff) == 0xbb
                        && (start[2] & 0xff) == 0xbf;
                if (!bom) {
                    in.reset();
                }
                return new InputStreamReader(in, StandardCharsets.UTF_8);
            }
            return new InputStreamReader(in, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            try {
                in.close();
            } catch (IOException ignored) {
                // the first failure is the one to report
            }
            throw new UncheckedIOException(e);
        }
    }
}
