package dev.sentinelctl.cli;

import dev.sentinelctl.schema.SchemaValidator;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Entry point: wires the commands and turns every failure into a message and an exit code, never a stack trace. */
@Command(name = "sentinelctl", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Microsoft Sentinel content as code: validate, lint KQL, build ARM, plan and deploy.",
        footer = {"", "Examples:", "  sentinelctl check content", "  sentinelctl validate --format json rules/ > findings.json",
                "  sentinelctl build content --out arm", "  sentinelctl import export.json --out content",
                "  sentinelctl plan --config sentinelctl.yaml", "  sentinelctl apply --config sentinelctl.yaml --prune",
                "  sentinelctl new analytic-rule \"Brute force against Entra ID\" --table SigninLogs"})
public final class Main {

    /** Every command, in help order. */
    static final java.util.List<Class<?>> COMMANDS = java.util.List.of(CheckCommand.class, ValidateCommand.class,
            LintCommand.class, FmtCommand.class, BuildCommand.class, ImportCommand.class, NewCommand.class, RulesCommand.class,
            CoverageCommand.class, DocsCommand.class, KqlCommand.class, SandboxCommand.class, PlanCommand.class,
            ApplyCommand.class, DriftCommand.class, ExportCommand.class, FleetCommand.class, ReportCommand.class,
            CompletionCommand.class, RoundtripCommand.class, CommandReferenceCommand.class, TestCommand.class);

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Show stack traces of unexpected failures.")
    boolean debug;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        List<Class<?>> commands = requested(args);
        Optional<SchemaValidator> schemas = commands.size() == 1 && ValidatesContent.class.isAssignableFrom(commands.get(0))
                ? Optional.of(new SchemaValidator()) : Optional.empty();
        return commandLine(System.getenv(), commands, schemas).execute(args);
    }

    public static CommandLine commandLine() {
        return commandLine(System.getenv());
    }

    public static CommandLine commandLine(java.util.Map<String, String> env) {
        return commandLine(env, COMMANDS, Optional.empty());
    }

    /**
     * The command a run asks for, alone when it is known: picocli builds the model of every registered command
     * at start-up, and with nineteen commands that was a third of a single-file check. Help, completion and
     * mistyped commands get all of them (listings, suggestions), and so does the command reference.
     */
    static java.util.List<Class<?>> requested(String... args) {
        String first = null;
        for (String a : args) {
            if (!a.startsWith("-")) {
                first = a;
                break;
            }
        }
        if (first == null || first.equals("completion") || first.equals("help") || first.equals("command-reference")) {
            return COMMANDS;
        }
        for (Class<?> c : COMMANDS) {
            if (c.getAnnotation(Command.class).name().equals(first)) return java.util.List.of(c);
        }
        return COMMANDS;
    }

    /**
     * The command line with {@code env} as the environment the deploy commands read credentials from (tests pass a
     * map; nothing else reads it).
     */
    static CommandLine commandLine(java.util.Map<String, String> env, java.util.List<Class<?>> commands,
                                   Optional<SchemaValidator> schemas) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                K made = defaults.create(cls);
                if (made instanceof EnvironmentAware aware) aware.environment(env);
                if (made instanceof ValidatesContent validating) schemas.ifPresent(validating::schemas);
                return made;
            }
        };
        CommandLine cl = new CommandLine(new Main(), factory);
        for (Class<?> command : commands) cl.addSubcommand(new CommandLine(command, factory));
        // Reports are UTF-8 whatever the platform's default charset, so file names and messages survive pipes.
        cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), false));
        cl.setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8), true));
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean debugging = parseResult.hasMatchedOption("--debug")
                    || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--debug"));
            PrintWriter err = commandLine.getErr();
            if (ex instanceof UserException || ex instanceof dev.sentinelctl.deploy.DeployException) {
                err.println("sentinelctl: " + ex.getMessage());
            } else {
                err.println("sentinelctl: unexpected failure: " + ex);
                err.println("  Rerun with --debug for a stack trace, and please report it.");
            }
            if (debugging) ex.printStackTrace(err);
            err.flush();
            return ExitCodes.USAGE;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("sentinelctl: " + ex.getMessage());
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
                err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            }
            err.flush();
            return ExitCodes.USAGE;
        });
        return cl;
    }

    /** The jar's version, from its manifest ("dev" when run from classes). */
    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "0.0.0-dev" : v;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"sentinelctl " + version()};
        }
    }
}
