package org.imelab.agent.cli.reg;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.concurrent.Callable;
import org.imelab.agent.cli.ImelabCommand;
import org.imelab.registry.Registry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code imelab reg}: reg.exe's verbs on the registry the daemon uses (the real one on Windows,
 * the file registry under the data home elsewhere, or the one --registry names).
 */
@Command(name = "reg",
        description = {"Query and change the registry imelab keeps its state in, like reg.exe.",
            "Switches are reg.exe's (/v, /ve, /t, /d, /f, /s, /reg:32, /reg:64; '-' works too); "
                    + "keys are written HKLM\\SOFTWARE\\... or HKEY_LOCAL_MACHINE\\SOFTWARE\\...."},
        subcommands = {
            RegQueryCommand.class,
            RegAddCommand.class,
            RegDeleteCommand.class,
            RegExportCommand.class,
            RegImportCommand.class,
        })
public final class RegCommand implements Callable<Integer> {

    @ParentCommand
    ImelabCommand root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final InputStream input;
    private BufferedReader reader;

    /** The command as the CLI builds it: answers to (Yes/No) prompts come from stdin. */
    public RegCommand() {
        this(System.in);
    }

    /** A command answering its prompts from the given stream. */
    public RegCommand(InputStream input) {
        this.input = input;
    }

    /** The registry of the root command's --registry / --home (or the one injected into the root). */
    Registry openRegistry() throws java.io.IOException {
        return root.openRegistry();
    }

    /** Reads one answer to a (Yes/No) prompt; end of input is No. */
    String readAnswer() throws java.io.IOException {
        if (reader == null) {
            reader = new BufferedReader(new InputStreamReader(input, Charset.defaultCharset()));
        }
        return reader.readLine();
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 1;
    }
}
