package org.imelab.install.plan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.imelab.install.InstallException;
import org.imelab.install.service.ServiceManager;
import org.imelab.registry.RegPath;

/**
 * The real Intune Management Extension on this machine, and the guard that keeps imelab off its
 * service name, its moniker and its registry root unless the user asks for a take-over.
 */
public final class RealIme {
    /** The real agent's registry root (ime-behaviour.md Part A). */
    public static final RegPath REGISTRY_ROOT = RegPath.parse("HKLM\\SOFTWARE\\Microsoft\\IntuneManagementExtension");
    /** The real agent's install folder name below Program Files (x86) (C §6.2). */
    public static final String INSTALL_FOLDER = "Microsoft Intune Management Extension";

    private RealIme() {
    }

    /** What shows the real IME is installed: its service (not one of ours) or its install folder. */
    public record Footprint(List<String> evidence) {
        public Footprint {
            evidence = List.copyOf(evidence);
        }

        public boolean present() {
            return !evidence.isEmpty();
        }
    }

    public static Footprint detect(ServiceManager scm, Path installFolder) {
        List<String> evidence = new ArrayList<>();
        scm.query(ServiceNames.REAL_IME).filter(c -> !c.runsImelab())
                .ifPresent(c -> evidence.add("service " + c.name() + " (" + c.binaryPath() + ")"));
        if (Files.isDirectory(installFolder)) {
            evidence.add("folder " + installFolder);
        }
        return new Footprint(evidence);
    }

    /**
     * Refuses, with the reasons, when the real IME is present and the install would take any of
     * its three resources without {@code --take-over-real-ime}.
     */
    public static void guard(InstallOptions options, Footprint footprint) {
        if (!footprint.present() || options.takeOverRealIme()) {
            return;
        }
        List<String> conflicts = new ArrayList<>();
        if (options.serviceName().equalsIgnoreCase(ServiceNames.REAL_IME)) {
            conflicts.add("its service name " + ServiceNames.REAL_IME + " (choose --service-name imelab)");
        }
        if (options.moniker()) {
            conflicts.add("its intunemanagementextension:// moniker (use --no-moniker)");
        }
        if (options.registryRoot() == null || RegPath.parse(options.registryRoot()).equals(REGISTRY_ROOT)) {
            conflicts.add("its registry root " + REGISTRY_ROOT.toShortString()
                    + " (choose e.g. --registry-root HKLM\\SOFTWARE\\imelab\\IntuneManagementExtension)");
        }
        if (conflicts.isEmpty()) {
            return;
        }
        throw new InstallException("The real Intune Management Extension is installed on this machine ("
                + String.join("; ", footprint.evidence()) + "). imelab will not take\n  - "
                + String.join("\n  - ", conflicts)
                + "\nbecause the real agent would stop working and its state would mix with imelab's.\n"
                + "Use the options shown, or pass --take-over-real-ime to replace it (uninstall puts it back).");
    }

    static boolean isRealName(String serviceName) {
        return serviceName.toLowerCase(Locale.ROOT).equals(ServiceNames.REAL_IME.toLowerCase(Locale.ROOT));
    }
}
