package org.imelab.install.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.imelab.install.process.CommandResult;
import org.imelab.install.process.CommandRunner;
import org.imelab.install.process.ProcessCommandRunner;

/**
 * Runs real child processes, but runs a stand-in script for one program name (schtasks.exe or
 * systemctl, which this machine has not got or must not touch).
 */
public final class RewritingCommandRunner implements CommandRunner {
    private final CommandRunner real = new ProcessCommandRunner();
    private final Map<String, String> replacements;
    private final List<List<String>> calls = new ArrayList<>();

    public RewritingCommandRunner(Map<String, String> replacements) {
        this.replacements = Map.copyOf(replacements);
    }

    /** Every command line asked for, before rewriting. */
    public List<List<String>> calls() {
        return calls;
    }

    @Override
    public CommandResult run(List<String> argv, Map<String, String> env, Duration timeout) {
        calls.add(List.copyOf(argv));
        List<String> rewritten = new ArrayList<>(argv);
        String replacement = replacements.get(argv.get(0));
        if (replacement != null) {
            rewritten.set(0, replacement);
        }
        CommandResult r = real.run(rewritten, env, timeout);
        return new CommandResult(argv, r.exitCode(), r.stdout(), r.stderr());
    }

    @Override
    public boolean isAvailable(String program) {
        return replacements.containsKey(program) || real.isAvailable(program);
    }
}
