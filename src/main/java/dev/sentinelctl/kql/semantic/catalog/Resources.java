package dev.sentinelctl.kql.semantic.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads our own classpath resources; a missing one is a packaging bug, hence unchecked. */
final class Resources {

    private Resources() {
    }

    static byte[] bytes(String path) {
        try (InputStream in = Resources.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("resource missing from the build: " + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + path, e);
        }
    }

    /** Lines split on '\n' (our generated files never contain '\r'); plain loop, no streams, for cold start. */
    static List<String> lines(String path) {
        String text = new String(bytes(path), StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>(4096);
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) end = text.length();
            // tolerate a CRLF checkout of the line-oriented files (tables.idx offsets are protected by .gitattributes)
            out.add(text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end));
            start = end + 1;
        }
        return out;
    }
}
