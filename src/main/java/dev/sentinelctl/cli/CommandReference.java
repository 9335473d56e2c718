package dev.sentinelctl.cli;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * docs/commands.md, written from picocli's model of the command line — the same model {@code --help} prints — so
 * the reference cannot say something the help does not. A test keeps the committed page equal to this output.
 */
final class CommandReference {
    /** Fixed, so the page does not depend on the terminal that generated it. */
    private static final int SYNOPSIS_WIDTH = 100;

    private CommandReference() {}

    static String markdown(CommandLine root) {
        List<CommandLine> commands = new ArrayList<>();
        collect(root, commands);
        StringBuilder md = new StringBuilder("# Command reference\n\n")
                .append("Generated from the command line's own model (the text `--help` prints) by ")
                .append("`sentinelctl command-reference`; do not edit by hand. After changing a command, its options or ")
                .append("its help text, regenerate it:\n\n```bash\n./sentinelctl command-reference > docs/commands.md\n```\n\n")
                .append("A unit test fails while this page differs from the help.\n\n");
        for (CommandLine c : commands) {
            String name = c.getCommandSpec().qualifiedName();
            md.append("- [").append(name).append("](#").append(slug(name)).append(")\n");
        }
        md.append('\n');
        for (CommandLine c : commands) command(c.getCommandSpec(), md);
        return md.toString();
    }

    /** Depth first in registration order; hidden commands and aliases (the same CommandLine twice) are left out. */
    private static void collect(CommandLine c, List<CommandLine> into) {
        into.add(c);
        Map<CommandLine, Boolean> seen = new IdentityHashMap<>();
        for (CommandLine sub : c.getSubcommands().values()) {
            if (sub.getCommandSpec().usageMessage().hidden() || seen.put(sub, Boolean.TRUE) != null) continue;
            collect(sub, into);
        }
    }

    private static void command(CommandSpec spec, StringBuilder md) {
        md.append("## ").append(spec.qualifiedName()).append("\n\n");
        String description = prose(text(spec.usageMessage().description()));
        if (!description.isEmpty()) md.append(description).append("\n\n");
        spec.usageMessage().width(SYNOPSIS_WIDTH);
        String synopsis = new Help(spec, Help.defaultColorScheme(Help.Ansi.OFF)).synopsis(0).stripTrailing();
        md.append("```text\n").append(synopsis).append("\n```\n\n");

        List<PositionalParamSpec> params = spec.positionalParameters().stream().filter(p -> !p.hidden()).toList();
        // The order --help lists them in: picocli sorts by short name unless a command asks it not to.
        List<OptionSpec> options = spec.options().stream().filter(o -> !o.hidden())
                .sorted(spec.usageMessage().sortOptions() ? Help.createShortOptionNameComparator() : (a, b) -> 0).toList();
        if (!params.isEmpty() || !options.isEmpty()) {
            md.append("| parameter or option | description |\n|---|---|\n");
            for (PositionalParamSpec p : params) {
                md.append("| `").append(cell(p.paramLabel() + (p.isMultiValue() ? "…" : ""))).append("` | ")
                        .append(prose(text(p.description()))).append(" |\n");
            }
            for (OptionSpec o : options) {
                String label = String.join(", ", o.names())
                        + (o.arity().max() > 0 ? "=" + o.paramLabel() + (o.isMultiValue() ? "…" : "") : "");
                md.append("| `").append(cell(label)).append("` | ").append(prose(text(o.description())))
                        .append(o.required() ? " (required)" : "").append(" |\n");
            }
            md.append('\n');
        }
        if (!spec.subcommands().isEmpty()) {
            md.append("Subcommands:");
            Map<CommandLine, Boolean> seen = new IdentityHashMap<>();
            for (CommandLine sub : spec.subcommands().values()) {
                if (sub.getCommandSpec().usageMessage().hidden() || seen.put(sub, Boolean.TRUE) != null) continue;
                String name = sub.getCommandSpec().qualifiedName();
                md.append(" [").append(sub.getCommandSpec().name()).append("](#").append(slug(name)).append(")");
            }
            md.append(".\n\n");
        }
        String footer = lines(spec.usageMessage().footer()).strip();
        if (!footer.isEmpty()) md.append("```text\n").append(footer).append("\n```\n\n");
    }

    /** Help text lines as one paragraph; picocli's {@code %n} line breaks become spaces. */
    private static String text(String[] lines) {
        return String.join(" ", lines).replace("%n", " ").replace("%%", "%").replaceAll(" {2,}", " ").strip();
    }

    /** Footer lines kept as lines: they hold indented example commands. */
    private static String lines(String[] lines) {
        return String.join("\n", lines).replace("%n", "\n").replace("%%", "%");
    }

    /** Text safe inside a code span in a markdown table cell. */
    private static String cell(String s) {
        return s.replace("|", "\\|");
    }

    /** Help prose safe as markdown in a table cell: no emphasis from globs, no HTML from {@code <file>}. */
    private static String prose(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("<", "\\<");
    }

    /** GitHub's heading anchor for the plain-text headings this page writes (letters, digits, '-', '_'). */
    static String slug(String heading) {
        StringBuilder sb = new StringBuilder();
        heading.strip().toLowerCase(java.util.Locale.ROOT).codePoints().forEach(cp -> {
            if (cp == ' ') sb.append('-');
            else if (Character.isLetterOrDigit(cp) || cp == '-' || cp == '_') sb.appendCodePoint(cp);
        });
        return sb.toString();
    }
}
