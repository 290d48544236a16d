package io.rootline.cli;

import io.rootline.rules.RuleError;
import io.rootline.rules.RuleLoader;
import io.rootline.rules.RuleSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code rootline rules check [DIR...]}: validates rule files without analysing anything. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Work with rule files.",
        subcommands = {RulesCommand.Check.class})
final class RulesCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is needed: check");
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Check the bundled rules and the rules in each DIR; print every error as FILE:LINE:COLUMN: message.")
    static final class Check implements Callable<Integer> {

        @Parameters(paramLabel = "DIR", arity = "0..*", description = "Folders of *.yaml rules to check with the bundled pack.")
        List<Path> dirs = new ArrayList<>();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            RuleLoader loader = new RuleLoader();
            RuleSet rules = loader.loadBundled();
            for (Path dir : dirs) {
                if (!Files.isDirectory(dir)) {
                    err.println("rootline: " + dir + ": not a folder");
                    return Main.USAGE;
                }
                rules = rules.plus(loader.load(dir));
            }
            for (RuleError e : rules.errors()) {
                err.println(e);
            }
            if (!rules.errors().isEmpty()) {
                err.println(rules.errors().size() + " error(s); " + rules.size() + " rule(s) are valid");
                return Main.FINDINGS;
            }
            return Main.OK;
        }
    }
}
