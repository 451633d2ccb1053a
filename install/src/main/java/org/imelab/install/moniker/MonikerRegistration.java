package org.imelab.install.moniker;

import java.util.List;
import org.imelab.install.launch.LaunchCommand;
import org.imelab.install.launch.WindowsCommandLine;
import org.imelab.install.reg.RegistryValuesStep;
import org.imelab.registry.Hive;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;

/**
 * The {@code intunemanagementextension://} URL protocol as Windows shell looks it up:
 * {@code HKCR\intunemanagementextension} with an empty {@code URL Protocol} value, the default
 * value {@code URL:intunemanagementextension}, and {@code shell\open\command} running
 * {@code "<javaw>" ... moniker "%1"}. The handler process hands the verb to the running daemon
 * and exits (ime-behaviour.md Part A, "moniker").
 */
public final class MonikerRegistration {
    public static final String SCHEME = "intunemanagementextension";
    public static final RegPath KEY = RegPath.of(Hive.HKEY_CLASSES_ROOT, SCHEME);

    private MonikerRegistration() {
    }

    /** What {@code shell\open\command} runs: the launcher, the {@code moniker} verb, the URL. */
    public static String command(LaunchCommand handler) {
        return WindowsCommandLine.join(handler.argv("moniker")) + " \"%1\"";
    }

    public static List<RegistryValuesStep.Value> values(String command) {
        return List.of(
                new RegistryValuesStep.Value(KEY, "", RegValue.sz("URL:" + SCHEME)),
                new RegistryValuesStep.Value(KEY, "URL Protocol", RegValue.sz("")),
                new RegistryValuesStep.Value(KEY.child("shell", "open", "command"), "", RegValue.sz(command)));
    }

    public static RegistryValuesStep step(String command) {
        return new RegistryValuesStep("URL protocol " + KEY.toShortString(), values(command));
    }
}
