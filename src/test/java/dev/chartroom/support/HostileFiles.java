package dev.chartroom.support;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Files a hostile client sends, made here in a few megabytes of memory: what they claim (pixels,
 * inflated bytes) is never materialised. Each is made once per test run.
 */
public final class HostileFiles {

    private static final Map<String, byte[]> MADE = new ConcurrentHashMap<>();

    private HostileFiles() {}

    /**
     * A one-page PDF with a line of text whose page draws one RGB image that declares this size, its
     * Flate stream inflating to {@code inflatedBytes} of zeros (a few kilobytes, whatever it declares).
     */
    public static byte[] pdfDrawingImage(int width, int height, long inflatedBytes) {
        return MADE.computeIfAbsent("image-" + width + "x" + height + "-" + inflatedBytes, key -> {
            try (var document = new PDDocument();
                    var out = new ByteArrayOutputStream()) {
                var page = new PDPage();
                document.addPage(page);
                COSStream image = document.getDocument().createCOSStream();
                image.setItem(COSName.TYPE, COSName.XOBJECT);
                image.setItem(COSName.SUBTYPE, COSName.IMAGE);
                image.setInt(COSName.WIDTH, width);
                image.setInt(COSName.HEIGHT, height);
                image.setInt(COSName.BITS_PER_COMPONENT, 8);
                image.setItem(COSName.COLORSPACE, COSName.DEVICERGB);
                image.setItem(COSName.FILTER, COSName.FLATE_DECODE);
                try (OutputStream raw = image.createRawOutputStream()) {
                    deflateZeros(raw, inflatedBytes);
                }
                try (var content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    content.newLineAtOffset(72, 720);
                    content.showText("Scanned referral");
                    content.endText();
                    content.drawImage(new PDImageXObject(new PDStream(image), page.getResources()), 72, 200, 400, 400);
                }
                document.save(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A one-page PDF whose content stream is {@code inflatedBytes} of zeros, Flate-compressed (about 1/1000 of that). */
    public static byte[] pdfInflatingTo(long inflatedBytes) {
        return MADE.computeIfAbsent("contents-" + inflatedBytes, key -> {
            try (var document = new PDDocument();
                    var out = new ByteArrayOutputStream()) {
                var page = new PDPage();
                document.addPage(page);
                COSStream contents = document.getDocument().createCOSStream();
                contents.setItem(COSName.FILTER, COSName.FLATE_DECODE);
                try (OutputStream raw = contents.createRawOutputStream()) {
                    deflateZeros(raw, inflatedBytes);
                }
                page.getCOSObject().setItem(COSName.CONTENTS, contents);
                document.save(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A PNG whose header declares this size, then the start of its pixel data, cut off: no end chunk. */
    public static byte[] truncatedPng(int width, int height, int pixelDataBytes) {
        return MADE.computeIfAbsent("png-" + width + "x" + height + "-" + pixelDataBytes, key -> {
            try (var bytes = new ByteArrayOutputStream();
                    var out = new DataOutputStream(bytes)) {
                out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
                var header = new ByteArrayOutputStream();
                var fields = new DataOutputStream(header);
                fields.writeInt(width);
                fields.writeInt(height);
                fields.write(new byte[] {8, 2, 0, 0, 0}); // 8 bits, RGB, deflate, no filter method, no interlace
                chunk(out, "IHDR", header.toByteArray());
                var data = new ByteArrayOutputStream();
                try (var deflated = new DeflaterOutputStream(data, new Deflater(Deflater.BEST_SPEED))) {
                    byte[] row = new byte[1 << 16];
                    long written = 0;
                    while (data.size() < pixelDataBytes && written < (long) width * height * 3) {
                        deflated.write(row);
                        written += row.length;
                    }
                }
                byte[] idat = java.util.Arrays.copyOf(data.toByteArray(), Math.min(data.size(), pixelDataBytes));
                out.writeInt(idat.length);
                out.write("IDAT".getBytes(StandardCharsets.US_ASCII));
                out.write(idat);
                out.flush();
                return bytes.toByteArray(); // cut off before the chunk's CRC and the IEND chunk
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        var crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }

    /**
     * Writes a zlib stream of {@code count} zeros in a fraction of a second: one megabyte of zeros is
     * compressed after a full flush (which resets the compressor), so every later megabyte compresses to
     * the same bytes, written again; then an empty final block and the Adler-32 of the zeros.
     */
    private static void deflateZeros(OutputStream raw, long count) throws IOException {
        int megabyte = 1 << 20;
        byte[] zeros = new byte[megabyte];
        var deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            long full = count / megabyte;
            raw.write(flushed(deflater, full > 0 ? zeros : new byte[0])); // with the zlib header
            if (full > 1) {
                byte[] again = flushed(deflater, zeros);
                if (!java.util.Arrays.equals(again, flushed(deflater, zeros))) {
                    throw new IllegalStateException("a flushed megabyte of zeros did not compress the same twice");
                }
                for (long i = 1; i < full; i++) {
                    raw.write(again);
                }
            }
            int tail = (int) (count % megabyte);
            if (tail > 0) {
                raw.write(flushed(deflater, java.util.Arrays.copyOf(zeros, tail)));
            }
            raw.write(new byte[] {1, 0, 0, (byte) 0xff, (byte) 0xff}); // final, empty, stored block
            long adler = (count % 65521) << 16 | 1; // Adler-32 of zeros: a = 1, b = count
            new DataOutputStream(raw).writeInt((int) adler);
        } finally {
            deflater.end();
        }
    }

    private static byte[] flushed(Deflater deflater, byte[] input) {
        deflater.setInput(input);
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
            out.write(buffer, 0, n);
        } while (n == buffer.length);
        return out.toByteArray();
    }
}
