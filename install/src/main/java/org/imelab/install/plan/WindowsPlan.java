package org.imelab.install.plan;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.imelab.install.InstallStep;
import org.imelab.install.fs.DirectoryStep;
import org.imelab.install.fs.ProgramFilesStep;
import org.imelab.install.launch.LaunchCommand;
import org.imelab.install.launch.WindowsCommandLine;
import org.imelab.install.moniker.MonikerRegistration;
import org.imelab.install.service.ServiceConfig;
import org.imelab.install.service.ServiceStep;
import org.imelab.install.service.StartServiceStep;
import org.imelab.install.service.StartType;
import org.imelab.install.tasks.ScheduledTask;
import org.imelab.install.tasks.ScheduledTaskStep;

/**
 * The Windows install: data home, program files, the service (automatic start, LocalSystem,
 * restart on failure), the intunemanagementextension:// moniker in HKCR, the Client Cert
 * Checker and Health Evaluation scheduled tasks, then the service is started.
 */
public final class WindowsPlan {
    /** Restart after one minute, three times; the count resets after a day without failure. */
    static final List<Duration> RESTART_DELAYS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1));
    static final Duration FAILURE_RESET = Duration.ofDays(1);

    private final InstallOptions options;
    private final Clock clock;

    public WindowsPlan(InstallOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
    }

    public LaunchCommand launchCommand() {
        Path jar = options.programDir().resolve(options.distribution().jar().getFileName().toString());
        List<String> global = new ArrayList<>(List.of("--home", options.dataHome().toString()));
        if (options.registryRoot() != null) {
            global.addAll(List.of("--registry-root", options.registryRoot()));
        }
        return new LaunchCommand(LaunchCommand.javaIn(options.javaHome(), true, false),
                List.of(LaunchCommand.NATIVE_ACCESS), jar, global);
    }

    /** The service's binary path: quoted java.exe, -Xrs (the service owns stop and shutdown), run. */
    public String serviceCommandLine() {
        LaunchCommand service = launchCommand().withJvmOptions(List.of("-Xrs", LaunchCommand.NATIVE_ACCESS));
        return WindowsCommandLine.join(service.argv("run"));
    }

    /** The moniker handler: javaw.exe, so no console window flashes when a link is opened. */
    public String monikerCommand() {
        return MonikerRegistration.command(launchCommand().withJava(LaunchCommand.javaIn(options.javaHome(), true, true)));
    }

    public ServiceConfig serviceConfig() {
        boolean real = RealIme.isRealName(options.serviceName());
        String display = real ? "Microsoft Intune Management Extension" : "imelab (" + options.serviceName() + ")";
        return new ServiceConfig(options.serviceName(), display,
                "imelab, an open emulator of the Intune Management Extension (build "
                        + options.distribution().fingerprint() + "). Data: " + options.dataHome(),
                serviceCommandLine(), StartType.AUTO, null, RESTART_DELAYS, FAILURE_RESET);
    }

    /** Task names: the IME's own when imelab stands in for it, else prefixed with the service name. */
    public String taskPath(String what) {
        String prefix = RealIme.isRealName(options.serviceName()) ? "Intune Management Extension" : "imelab " + options.serviceName();
        return "\\" + prefix + " " + what;
    }

    public ScheduledTask certCheckerTask() {
        List<String> argv = launchCommand().argv("certs", "check");
        LocalDateTime daily = LocalDate.now(clock).atTime(3, 0);
        return new ScheduledTask(taskPath("Client Cert Checker"),
                "Checks the Intune MDM device certificate (imelab " + options.serviceName() + ")",
                argv.get(0), WindowsCommandLine.joinArguments(argv.subList(1, argv.size())),
                List.of(new ScheduledTask.AtStartup(Duration.ofMinutes(5)), new ScheduledTask.Daily(daily)),
                Duration.ofMinutes(30));
    }

    public ScheduledTask healthTask() {
        List<String> argv = launchCommand().argv("health", "--service-name", options.serviceName());
        LocalDateTime start = LocalDateTime.now(clock).truncatedTo(ChronoUnit.HOURS).plusHours(1);
        return new ScheduledTask(taskPath("Health Evaluation"),
                "Checks that imelab runs, checks in and can log; restarts the service when it is down (" + options.serviceName() + ")",
                argv.get(0), WindowsCommandLine.joinArguments(argv.subList(1, argv.size())),
                List.of(new ScheduledTask.Repeating(start, Duration.ofHours(1))),
                Duration.ofMinutes(10));
    }

    public List<InstallStep> steps() {
        List<InstallStep> steps = new ArrayList<>();
        steps.add(new DirectoryStep("data home " + options.dataHome(), options.dataHome()));
        steps.add(new ProgramFilesStep(options.distribution(), options.programDir()));
        steps.add(new ServiceStep(serviceConfig(), options.takeOverRealIme()));
        if (options.moniker()) {
            steps.add(MonikerRegistration.step(monikerCommand()));
        }
        steps.add(new ScheduledTaskStep(certCheckerTask()));
        steps.add(new ScheduledTaskStep(healthTask()));
        steps.add(new StartServiceStep(options.serviceName()));
        return steps;
    }
}
