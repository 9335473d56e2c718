package dev.sentinelctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

class CommandReferenceTest {

    @Test
    void commandsDocIsUpToDate() throws Exception {
        String doc = Files.readString(Path.of("docs/commands.md"));
        assertEquals(CommandReference.markdown(Main.commandLine()), doc,
                "docs/commands.md differs from the help: run `./sentinelctl command-reference > docs/commands.md`");
    }

    @Test
    void theHiddenCommandPrintsTheReferenceWithEveryCommandRegistered() {
        CliRunner.Run run = CliRunner.run("command-reference");
        assertEquals(0, run.exit(), run.err());
        assertEquals(CommandReference.markdown(Main.commandLine()), run.out());
        assertEquals(Main.COMMANDS, Main.requested("command-reference"), "a reference of one command would be wrong");
    }

    @Test
    void everyVisibleCommandAndOptionIsDocumentedAndNothingHidden() {
        CommandLine root = Main.commandLine();
        String md = CommandReference.markdown(root);
        int[] documented = {0};
        walk(root, md, documented);
        assertTrue(documented[0] > 20, "walked " + documented[0] + " commands");
        assertFalse(md.contains("## sentinelctl roundtrip"), "hidden commands stay out");
        assertFalse(md.contains("## sentinelctl command-reference"), "hidden commands stay out");
        assertFalse(md.contains("${DEFAULT-VALUE}"), "variables are expanded as --help expands them");
        assertTrue(md.contains("sentinelctl fleet targets fleet.yaml --ring broad --shard 2/4"), "examples come from the footer");
    }

    private static void walk(CommandLine c, String md, int[] documented) {
        CommandSpec spec = c.getCommandSpec();
        if (spec.usageMessage().hidden()) return;
        String section = section(md, spec.qualifiedName());
        documented[0]++;
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) continue;
            assertTrue(section.contains("`" + String.join(", ", o.names())), spec.qualifiedName() + " lacks " + o.longestName());
        }
        for (CommandLine sub : c.getSubcommands().values()) walk(sub, md, documented);
    }

    /** The text of one command's section: from its heading to the next heading. */
    private static String section(String md, String name) {
        int start = md.indexOf("\n## " + name + "\n");
        assertTrue(start >= 0, "no section for " + name);
        int end = md.indexOf("\n## ", start + 1);
        return md.substring(start, end < 0 ? md.length() : end);
    }

    @Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"First line;%nsecond line with a | pipe and a *.json glob."},
            footer = {"", "Examples:", "  demo --level 3 a.yaml", "  demo sub"},
            subcommands = Demo.Sub.class)
    static final class Demo implements Callable<Integer> {
        @Option(names = "--secret", hidden = true, description = "Not for users.")
        boolean secret;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where <file>.md goes.")
        Path out;

        @Option(names = {"-l", "--level"}, paramLabel = "N", defaultValue = "2", description = "Level (default: ${DEFAULT-VALUE}).")
        int level;

        @Parameters(paramLabel = "PATH", arity = "0..*", description = "Inputs.")
        java.util.List<Path> paths;

        @Override
        public Integer call() {
            return 0;
        }

        @Command(name = "sub", aliases = "s", description = "A subcommand with an alias.")
        static final class Sub implements Runnable {
            @Override
            public void run() {}
        }

        @Command(name = "internal", hidden = true, description = "Hidden.")
        static final class Internal implements Runnable {
            @Override
            public void run() {}
        }
    }

    @Test
    void rendersHelpTextDetailsAsMarkdown() {
        CommandLine demo = new CommandLine(new Demo());
        demo.addSubcommand(new CommandLine(new Demo.Internal()));
        String md = CommandReference.markdown(demo);
        assertTrue(md.contains("- [demo](#demo)\n- [demo sub](#demo-sub)\n\n"), md);
        assertEquals(1, count(md, "\n## demo sub\n"), "an alias is the same command, documented once:\n" + md);
        assertFalse(md.contains("internal") || md.contains("Hidden.") || md.contains("--secret"), md);
        assertTrue(md.contains("First line; second line with a \\| pipe and a \\*.json glob.\n"), "description as a paragraph:\n" + md);
        assertTrue(md.contains("| `-l, --level=N` | Level (default: 2). |"), md);
        assertTrue(md.contains("| `--out=FILE` | Where \\<file>.md goes. (required) |"), md);
        assertTrue(md.contains("| `PATH…` | Inputs. |"), md);
        assertTrue(md.contains("```text\ndemo [-hV] [-l=N] --out=FILE [PATH...] [COMMAND]\n```"), md);
        assertTrue(md.contains("```text\nExamples:\n  demo --level 3 a.yaml\n  demo sub\n```"), md);
        assertTrue(md.contains("Subcommands: [sub](#demo-sub).\n"), md);
        assertTrue(md.indexOf("| `--out=FILE`") < md.indexOf("| `-l, --level=N`"), "sortOptions = false keeps the declared order");
    }

    @Test
    void slugsFollowGitHub() {
        assertEquals("sentinelctl-kql-analyze", CommandReference.slug("sentinelctl kql analyze"));
        assertEquals("sentinelctl-command-reference", CommandReference.slug("sentinelctl command-reference"));
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
        return n;
    }
}
