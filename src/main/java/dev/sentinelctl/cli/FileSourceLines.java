package dev.sentinelctl.cli;

import dev.sentinelctl.content.SourceText;
import dev.sentinelctl.report.Report;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Source lines for the text reporter, read from disk on demand (only files with findings are read again). */
final class FileSourceLines implements Report.SourceLines {
    private static final long MAX = 5L * 1024 * 1024;
    private final Map<String, Optional<SourceText>> cache = new HashMap<>();

    @Override
    public Optional<String> line(String file, int line) {
        return cache.computeIfAbsent(file, FileSourceLines::read).map(s -> s.lineText(line));
    }

    private static Optional<SourceText> read(String file) {
        try {
            Path p = Path.of(file);
            if (!Files.isRegularFile(p) || Files.size(p) > MAX) return Optional.empty();
            String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) text = text.substring(1);
            if (text.indexOf('\0') >= 0) return Optional.empty();
            return Optional.of(new SourceText(file, text));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
