package dev.sentinelctl.kql.semantic.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    static List<String> lines(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8).lines().toList();
    }
}
