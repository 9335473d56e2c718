package dev.sentinelctl.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every relative link and anchor in README.md and docs/*.md resolves, and the checker catches what GitHub would break. */
class DocsLinksTest {
    @TempDir
    Path dir;

    @Test
    void readmeAndDocsHaveNoBrokenLinks() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        assertTrue(files.size() >= 10, "README and the topic pages: " + files);
        List<MarkdownLinks.Broken> broken = new MarkdownLinks().check(files);
        assertTrue(broken.isEmpty(), broken.stream().map(Object::toString).collect(Collectors.joining("\n")));
    }

    @Test
    void theReadmeLinksEveryTopicPage() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            for (Path page : docs.filter(p -> p.toString().endsWith(".md")).toList()) {
                String link = "](docs/" + page.getFileName();
                assertTrue(readme.contains(link + ")") || readme.contains(link + "#"), "README.md does not link " + page);
            }
        }
    }

    @Test
    void reportsEveryKindOfBrokenLinkWithItsPosition() throws IOException {
        write("docs/other.md", """
                # Other page

                ## Options of `plan`, `apply`
                ## Same
                ## Same
                <a id="explicit"></a>
                """);
        write("README.md", """
                # Title

                ok: [a](docs/other.md) [b](docs/other.md#options-of-plan-apply) [c](#title) [d](docs/other.md#same-1)
                ok: [e](docs/other.md#explicit) [f](https://example.com/missing) [g](docs/) [h](<docs/other.md>)
                bad: [no file](docs/missing.md) and [no anchor](docs/other.md#options)
                bad: [self](#nope) [dup](docs/other.md#same-2)
                `[in code](nothing.md)`
                ```
                [in a fence](nothing.md)
                ```
                [ref]: docs/gone.md
                ![image](img/none.png)
                """);
        List<MarkdownLinks.Broken> broken = new MarkdownLinks().check(List.of(dir.resolve("README.md")));
        List<String> found = broken.stream().map(b -> b.line() + ":" + b.column() + " " + b.target()).toList();
        assertEquals(List.of("5:16 docs/missing.md", "5:49 docs/other.md#options", "6:13 #nope",
                "6:26 docs/other.md#same-2", "11:8 docs/gone.md", "12:10 img/none.png"), found, broken.toString());
        assertTrue(broken.get(1).toString().contains("README.md:5:49: broken link 'docs/other.md#options': no heading with anchor #options in other.md"),
                broken.get(1).toString());
    }

    @Test
    void slugsAreGitHubs() {
        assertEquals("deploying-plan-apply-drift-export", MarkdownLinks.slug("Deploying (`plan`, `apply`, `drift`, `export`)"));
        assertEquals("metadata--query-cross-checks-check", MarkdownLinks.slug("Metadata ↔ query cross-checks (`check`)"));
        assertEquals("project-settings-sentinelctlyaml", MarkdownLinks.slug("Project settings: `.sentinelctl.yaml`"));
        assertEquals("pr-mode---changed-since-ref", MarkdownLinks.slug("PR mode: `--changed-since REF`"));
        assertEquals("agreement-with-microsofts-kustolanguage-2765-corpus-queries",
                MarkdownLinks.slug("Agreement with Microsoft's Kusto.Language (2,765 corpus queries)"));
        assertEquals("see-the-docs", MarkdownLinks.slug("See [the docs](x.md)"));
        assertEquals("snake_case-stays", MarkdownLinks.slug("snake_case stays"));
    }

    @Test
    void codeSpansAreBlankedToTheSameLength() {
        assertEquals("a " + " ".repeat(8) + " b", MarkdownLinks.blankCodeSpans("a `[x](y)` b"));
        assertEquals("x " + " ".repeat(11) + " y", MarkdownLinks.blankCodeSpans("x `` a ` b `` y"));
        assertEquals("unclosed ` [a](b)", MarkdownLinks.blankCodeSpans("unclosed ` [a](b)"));
    }

    private void write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
