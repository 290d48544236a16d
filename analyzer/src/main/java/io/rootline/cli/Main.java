package io.rootline.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code rootline}: the command line around {@link io.rootline.Analyzer}.
 *
 * <p>Exit codes: 0 analysis done (and nothing at or above --fail-on); 1 a finding at
 * or above --fail-on, or rule files with errors for {@code rules check}; 2 usage error,
 * nothing readable, or the analysis ran out of memory; 3 under --fail-on, no finding at or
 * above it but a bundle that was damaged, read only in part, or on which no rule could be
 * evaluated: a gate must not pass a capture it could not judge.
 */
@Command(name = "rootline", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Offline analyzer of Linux support bundles: a root-cause timeline from a sosreport.",
        subcommands = {AnalyzeCommand.class, RulesCommand.class, TestCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:analysis done, nothing at or above --fail-on",
                "1:a finding at or above --fail-on (analyze); rule errors (rules check); a failed test (test)",
                "2:usage error, a path that gave no report, or out of memory",
                "3:(--fail-on) nothing at or above it, but a bundle damaged, read in part, or with no rule evaluable"})
public final class Main implements Runnable {

    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;
    public static final int INCOMPLETE = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code;
        try {
            code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        } catch (OutOfMemoryError e) {
            // what the analysis held is unreachable by now, so there is room for the message
            System.err.println("rootline: out of memory (" + e.getMessage() + "): keep fewer events of each artifact"
                    + " (--max-events) or give Java a larger heap (ROOTLINE_JAVA_OPTS, see the README)");
            code = USAGE;
        }
        System.exit(code);
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("rootline: " + ex.getMessage());
            err.println("Try 'rootline " + (ex.getCommandLine().getCommandName().equals("rootline") ? "" : ex.getCommandLine().getCommandName() + " ")
                    + "--help' for usage.");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            // one line; the stack trace only when asked for, --debug being an option of the subcommand
            boolean debug = false;
            for (CommandLine.ParseResult p = parseResult; p != null; p = p.subcommand()) {
                debug |= p.hasMatchedOption("--debug");
            }
            String what = ex.getMessage() == null || ex.getMessage().isBlank() ? ex.getClass().getSimpleName()
                    : ex.getClass().getSimpleName() + ": " + ex.getMessage().strip().replaceAll("\\s*\\R\\s*", " ");
            err.println("rootline: unexpected error, " + what + (debug ? "" : " (run again with --debug for the stack trace)"));
            if (debug) {
                ex.printStackTrace(err);
            }
            return USAGE;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed: analyze, rules check, test, help");
    }
}
