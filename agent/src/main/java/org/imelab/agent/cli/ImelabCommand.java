package org.imelab.agent.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.imelab.agent.DataHome;
import org.imelab.agent.cli.reg.RegCommand;
import org.imelab.registry.RegPath;
import org.imelab.registry.Registries;
import org.imelab.registry.Registry;
import org.imelab.registry.ime.ImeLayout;
import org.imelab.agent.cli.certs.CertsCommand;
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
            RestartCommand.class,
            MonikerCommand.class,
            StatusCommand.class,
            RegCommand.class,
            InstallCommand.class,
            UninstallCommand.class,
            ServiceCommand.class,
            HealthCommand.class,
            CertsCommand.class,
            PackCommand.class,
            org.imelab.agent.cli.apps.AppsCommand.class,
            LogsCommand.class,
            LabGatewayCommand.class,
            EnrollCommand.class,
            InventoryCommand.class,
            org.imelab.agent.cli.users.UsersCommand.class,
        })
public final class ImelabCommand implements Callable<Integer> {

    @Option(names = "--home", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            description = "Data home for the file registry, logs, IMECache and certificates "
                    + "(default: $IMELAB_HOME, else ~/.imelab).")
    Path home;

    @Option(names = "--registry", paramLabel = "BACKEND", scope = CommandLine.ScopeType.INHERIT,
            description = "Registry backend: windows (the real registry; default on Windows), "
                    + "file (under the data home; default elsewhere) or memory.")
    String registry;

    @Option(names = "--registry-root", paramLabel = "KEY", scope = CommandLine.ScopeType.INHERIT,
            description = "The IME's registry root (default: HKLM\\SOFTWARE\\Microsoft\\IntuneManagementExtension).")
    String registryRoot;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final RegistryOpener registryOpener;

    /** A root whose commands all work on the registry the given opener returns (tests, embedding). */
    public ImelabCommand(RegistryOpener registryOpener) {
        this.registryOpener = registryOpener;
    }

    /** The root as shipped: the registry is the backend --registry names, by default the platform's. */
    public ImelabCommand() {
        this(null);
    }

    /** How commands open the registry of the data home: --registry's backend unless one was injected. */
    public RegistryOpener registryOpener() {
        return registryOpener != null ? registryOpener : home -> Registries.open(registry, home.registryDir());
    }

    /** The data home this invocation works in. */
    public DataHome dataHome() {
        return DataHome.resolve(home, System.getenv(), System.getProperty("user.home"));
    }

    /** Opens the registry this invocation works on: the one the daemon uses unless --registry says otherwise. */
    public Registry openRegistry() throws IOException {
        return registryOpener().open(dataHome());
    }

    /** The IME registry root this invocation works on. */
    public RegPath imeRoot() {
        return registryRoot == null ? ImeLayout.DEFAULT_ROOT : RegPath.parse(registryRoot);
    }

    /** The data home given explicitly (--home or IMELAB_HOME), if any. */
    Optional<Path> explicitHome(Map<String, String> env) {
        if (home != null) {
            return Optional.of(home.toAbsolutePath().normalize());
        }
        String fromEnv = env.get("IMELAB_HOME");
        return fromEnv == null || fromEnv.isBlank() ? Optional.empty() : Optional.of(Path.of(fromEnv).toAbsolutePath().normalize());
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
