package dev.sentinelctl.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the generated files in src/main/resources/reference; a missing one is a packaging bug. */
final class ReferenceResources {

    private ReferenceResources() {
    }

    static String text(String name) {
        String path = "/reference/" + name;
        try (InputStream in = ReferenceResources.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("resource missing from the build: " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** Tab-split records, skipping comment lines; trailing empty fields kept. */
    static List<String[]> records(String name) {
        List<String[]> out = new ArrayList<>();
        for (String line : text(name).split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) continue;
            out.add(line.split("\t", -1));
        }
        return out;
    }

    static List<String> list(String commaSeparated, String separator) {
        if (commaSeparated.isEmpty()) return List.of();
        return List.of(commaSeparated.split(separator));
    }
}
