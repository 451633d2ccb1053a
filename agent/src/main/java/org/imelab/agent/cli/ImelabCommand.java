package org.imelab.agent.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.imelab.agent.DataHome;
import org.imelab.agent.daemon.AgentConfig;
import org.imelab.registry.RegPath;
import org.imelab.registry.file.FileRegistry;
import org.imelab.registry.windows.JnaRegistry;
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
            InstallCommand.class,
            UninstallCommand.class,
            ServiceCommand.class,
            HealthCommand.class,
            PackCommand.class,
        })
public final class ImelabCommand implements Callable<Integer> {

    @Option(names = "--home", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            description = "Data home for the file registry, logs, IMECache and certificates "
                    + "(default: $IMELAB_HOME, else ~/.imelab).")
    Path home;

    @Option(names = "--registry-root", paramLabel = "KEY", scope = CommandLine.ScopeType.INHERIT,
            description = "The IME's registry root (default: HKLM\\SOFTWARE\\Microsoft\\IntuneManagementExtension).")
    String registryRoot;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final RegistryOpener registryOpener;

    public ImelabCommand(RegistryOpener registryOpener) {
        this.registryOpener = registryOpener;
    }

    /** The real registry on Windows; elsewhere the file registry of the data home. */
    public ImelabCommand() {
        this(home -> JnaRegistry.isWindows() ? new JnaRegistry() : new FileRegistry(home.registryDir()));
    }

    /** How commands open the registry of the data home. */
    public RegistryOpener registryOpener() {
        return registryOpener;
    }

    /** The data home this invocation works in. */
    public DataHome dataHome() {
        return DataHome.resolve(home, System.getenv(), System.getProperty("user.home"));
    }

    /** The IME registry root this invocation works on. */
    public RegPath imeRoot() {
        return registryRoot == null ? AgentConfig.DEFAULT_IME_ROOT : RegPath.parse(registryRoot);
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
