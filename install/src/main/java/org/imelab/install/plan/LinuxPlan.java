package org.imelab.install.plan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.imelab.install.InstallStep;
import org.imelab.install.fs.DirectoryStep;
import org.imelab.install.fs.FileStep;
import org.imelab.install.fs.ProgramFilesStep;
import org.imelab.install.launch.LaunchCommand;
import org.imelab.install.linux.DesktopEntry;
import org.imelab.install.linux.MimeDefaultStep;
import org.imelab.install.linux.SystemctlStep;
import org.imelab.install.linux.SystemdUnits;

/**
 * The Linux install: data home, program files, the daemon's systemd unit, the Client Cert
 * Checker and health evaluation as oneshot services with timers, the xdg URL handler for
 * {@code intunemanagementextension://}, and (only for a real install, not below a root prefix)
 * {@code systemctl enable} and start.
 */
public final class LinuxPlan {
    private final InstallOptions options;
    private final LinuxLayout layout;
    private final boolean xdgMimeAvailable;

    public LinuxPlan(InstallOptions options, LinuxLayout layout, boolean xdgMimeAvailable) {
        this.options = options;
        this.layout = layout;
        this.xdgMimeAvailable = xdgMimeAvailable;
    }

    /** The command line every unit and the desktop entry run, with its trailing verb. */
    public LaunchCommand launchCommand() {
        Path jar = options.programDir().resolve(options.distribution().jar().getFileName().toString());
        List<String> global = new ArrayList<>(List.of("--home", options.dataHome().toString()));
        if (options.registryRoot() != null) {
            global.addAll(List.of("--registry-root", options.registryRoot()));
        }
        return new LaunchCommand(LaunchCommand.javaIn(options.javaHome(), false, false),
                List.of(LaunchCommand.NATIVE_ACCESS), jar, global);
    }

    public SystemdUnits units() {
        return new SystemdUnits(options.serviceName(), options.user(), options.distribution().fingerprint());
    }

    public Path unitFile(String unitName) {
        return layout.unitDir().resolve(unitName);
    }

    public Path desktopFile() {
        return layout.applicationsDir().resolve(DesktopEntry.fileName(options.serviceName()));
    }

    public List<InstallStep> steps() {
        LaunchCommand launch = launchCommand();
        SystemdUnits units = units();
        String marker = SystemdUnits.MARKER;
        List<String> health = new ArrayList<>(List.of("health", "--service-name", options.serviceName()));
        if (options.user()) {
            health.add("--user");
        }
        List<InstallStep> steps = new ArrayList<>();
        steps.add(new DirectoryStep("data home " + options.dataHome(), options.dataHome()));
        steps.add(new ProgramFilesStep(options.distribution(), options.programDir()));
        steps.add(new FileStep("systemd unit " + units.daemonUnitName(), unitFile(units.daemonUnitName()),
                units.daemon(launch.argv("run")), marker));
        steps.add(new FileStep("systemd unit " + units.certCheckServiceName(), unitFile(units.certCheckServiceName()),
                units.certCheckService(launch.argv("certs", "check")), marker));
        steps.add(new FileStep("systemd unit " + units.certCheckTimerName(), unitFile(units.certCheckTimerName()),
                units.certCheckTimer(), marker));
        steps.add(new FileStep("systemd unit " + units.healthServiceName(), unitFile(units.healthServiceName()),
                units.healthService(launch.argv(health.toArray(String[]::new))), marker));
        steps.add(new FileStep("systemd unit " + units.healthTimerName(), unitFile(units.healthTimerName()),
                units.healthTimer(), marker));
        if (options.moniker()) {
            steps.add(new FileStep("desktop entry " + desktopFile().getFileName(), desktopFile(),
                    DesktopEntry.text(options.serviceName(), launch.argv("moniker")), marker));
            // xdg-mime writes only the user's list; the system-wide one is edited directly
            steps.add(new MimeDefaultStep(layout.mimeappsList(), DesktopEntry.MIME_TYPE,
                    DesktopEntry.fileName(options.serviceName()), options.user() && xdgMimeAvailable));
        }
        if (!options.prefixed()) {
            steps.add(new SystemctlStep(options.user(), units.enabledUnits()));
        }
        return steps;
    }
}
