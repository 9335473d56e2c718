package dev.sentinelctl.testing;

import dev.sentinelctl.content.YamlDocument;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A tests file ({@code X.tests.yaml}) and its tests.
 *
 * @param fleet the fleet file it names, resolved against its folder
 */
public record TestSuite(Path path, YamlDocument document, Optional<Path> fleet, List<TestCase> tests) {
    public TestSuite {
        tests = List.copyOf(tests);
    }

    public String display() {
        return document.source().displayPath();
    }
}
