package dev.sentinelctl.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sentinelctl.check.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArmSourceNameTest {
    @TempDir
    Path dir;

    @Test
    void originUrlsOfEveryShape() {
        for (String url : new String[] {"https://github.com/contoso/detections.git", "git@github.com:contoso/detections.git",
                                        "https://dev.azure.com/contoso/sec/_git/detections"}) {
            String expected = url.contains("_git") ? "sec/detections" : "contoso/detections";
            assertEquals(Optional.of(expected), SourceName.originOf(List.of("[core]", "\tbare = false",
                    "[remote \"origin\"]", "\turl = " + url, "[branch \"main\"]")), url);
        }
        assertEquals(Optional.empty(), SourceName.originOf(List.of("[remote \"upstream\"]", "url = https://x/y/z")));
    }

    @Test
    void repositoryOrFolderName() {
        Fixtures.write(dir, "repo/.git/config", "[remote \"origin\"]\n\turl = https://github.com/contoso/rules.git\n");
        Fixtures.write(dir, "repo/content/Detections/a.yaml", "x: 1\n");
        assertEquals("contoso/rules", SourceName.detect(dir.resolve("repo/content")));
        Fixtures.write(dir, "plain/content/a.yaml", "x: 1\n");
        assertEquals("content", SourceName.detect(dir.resolve("plain/content")));
    }
}
