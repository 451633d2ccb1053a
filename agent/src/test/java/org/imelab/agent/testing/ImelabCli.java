package org.imelab.agent.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.imelab.agent.cli.ImelabCommand;
import picocli.CommandLine;

/** Runs {@code imelab --home <home> ...} in-process and keeps what the last run printed. */
public final class ImelabCli {
    private final Supplier<Path> home;
    private final Supplier<CommandLine> commandLine;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    /**
     * The CLI as shipped. The home is asked for at each run, as a test's {@code @TempDir} field is set only after
     * the test instance (and this helper) is built.
     */
    public ImelabCli(Supplier<Path> home) {
        this(home, ImelabCommand::commandLine);
    }

    /** The CLI built by {@code commandLine} for each run, e.g. on a test's registry. */
    public ImelabCli(Supplier<Path> home, Supplier<CommandLine> commandLine) {
        this.home = home;
        this.commandLine = commandLine;
    }

    public int run(String... args) {
        return run(commandLine.get(), args);
    }

    /** Runs on a command line the test built for this one run; out() and err() start empty. */
    public int run(CommandLine cl, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 2];
        all[0] = "--home";
        all[1] = home.get().toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return cl.execute(all);
    }

    /** What the last run printed to standard output. */
    public String out() {
        return out.toString();
    }

    /** What the last run printed to standard error. */
    public String err() {
        return err.toString();
    }
}
