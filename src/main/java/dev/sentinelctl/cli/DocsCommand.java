package dev.sentinelctl.cli;

import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.docs.ContentCatalog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sentinelctl docs}: a markdown catalog of the content. */
@Command(name = "docs", mixinStandardHelpOptions = true,
        description = "Write a markdown catalog of the content: an index and one page per item.",
        footer = {"", "Example:", "  sentinelctl docs --out docs/catalog"})
public final class DocsCommand implements Callable<Integer> {
    @Mixin
    SelectionOptions selection;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the catalog to.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<ContentItem> items = selection.load();
        try {
            int pages = new ContentCatalog(Tables::read).write(items, out);
            spec.commandLine().getOut().println("Wrote " + pages + " pages and index.md to " + out);
        } catch (IOException e) {
            throw new UserException("cannot write the catalog to " + out + ": " + e.getMessage());
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
