package dev.chartroom.upload;

import dev.chartroom.text.Sha256;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/**
 * What a request asks for, as one SHA-256: method, path, query, and then either every multipart
 * part (name, file name, SHA-256 of its content), every form parameter, or the body's bytes. Two
 * sends of the same form digest alike even though each multipart envelope has its own boundary;
 * parts with the same name keep their order, parts with different names may come in any order.
 */
final class RequestDigest {

    private RequestDigest() {}

    static String of(HttpServletRequest request, byte[] body) throws IOException, ServletException {
        var items = new ArrayList<String>();
        items.add(request.getMethod());
        items.add(request.getRequestURI());
        items.add(String.valueOf(request.getQueryString()));
        String contentType = String.valueOf(request.getContentType()).toLowerCase(java.util.Locale.ROOT);
        if (contentType.startsWith("multipart/")) {
            items.add("multipart");
            items.addAll(parts(request));
        } else if (contentType.startsWith("application/x-www-form-urlencoded")) {
            items.add("form");
            new TreeMap<>(request.getParameterMap()).forEach((name, values) -> {
                for (String value : values) {
                    items.add(field(name, null, Sha256.hex(value)));
                }
            });
        } else {
            items.add("body");
            items.add(Sha256.hex(body));
        }
        MessageDigest digest = Sha256.newDigest();
        for (String item : items) {
            byte[] bytes = item.getBytes(StandardCharsets.UTF_8);
            // Each item led by its length, so no two lists of items digest alike.
            digest.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
            digest.update(bytes);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static List<String> parts(HttpServletRequest request) throws IOException, ServletException {
        record Named(String name, int position, String item) {}
        var named = new ArrayList<Named>();
        int position = 0;
        for (Part part : request.getParts()) {
            String hash;
            try (InputStream content = part.getInputStream()) {
                MessageDigest digest = Sha256.newDigest();
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = content.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, n);
                }
                hash = HexFormat.of().formatHex(digest.digest());
            }
            named.add(new Named(part.getName(), position++, field(part.getName(), part.getSubmittedFileName(), hash)));
        }
        named.sort(Comparator.comparing(Named::name).thenComparingInt(Named::position));
        return named.stream().map(Named::item).toList();
    }

    private static String field(String name, String fileName, String contentHash) {
        return name.length() + ":" + name
                + (fileName == null ? " field " : " file " + fileName.length() + ":" + fileName + " ") + contentHash;
    }
}
