package org.imelab.agent.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.imelab.agent.DataHome;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The root command: global options and the list of subcommands. */
@Command(name = "imelab",
        mixinStandardHelpOptions = true,
        versionProvider = ImelabCommand.Version.class,
        description = "An open, faithful emulator of the Intune Management Extension.",
        subcommands = {
            CommandLine.HelpCommand.class,
            RunCommand.class,
            SyncCommand.class,
            MonikerCommand.class,
            StatusCommand.class,
            LabGatewayCommand.class,
        })
public final class ImelabCommand implements Callable<Integer> {

    @Option(names = "--home", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            description = "Data home for the file registry, logs, IMECache and certificates "
                    + "(default: $IMELAB_HOME, else ~/.imelab).")
    Path home;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final RegistryOpener registryOpener;

    public ImelabCommand(RegistryOpener registryOpener) {
        this.registryOpener = registryOpener;
    }

    public ImelabCommand() {
        // TRANSITIONAL: an in-memory registry until the file registry is on main
        this(home -> new org.imelab.registry.memory.MemoryRegistry());
    }

    /** How commands open the registry of the data home. */
    public RegistryOpener registryOpener() {
        return registryOpener;
    }

    /** The data home this invocation works in. */
    public DataHome dataHome() {
        return DataHome.resolve(home, System.getenv(), System.getProperty("user.home"));
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    public static CommandLine commandLine() {
        return new CommandLine(new ImelabCommand());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ImelabCommand.class.getPackage().getImplementationVersion();
            return new String[] {"imelab " + (v == null ? "dev" : v) + " (Java " + Runtime.version() + ")"};
        }
    }
}
