package org.imelab.agent.win32app.engine;

import java.time.InstantSource;
import java.util.Objects;
import org.imelab.agent.device.restart.BootTime;
import org.imelab.agent.device.restart.DeviceRestarter;
import org.imelab.agent.win32app.content.ContentStager;
import org.imelab.agent.win32app.exec.InstallerRunner;
import org.imelab.agent.win32app.report.ReportingManager;
import org.imelab.agent.win32app.rules.DetectionEvaluator;
import org.imelab.agent.win32app.rules.RequirementEvaluator;
import org.imelab.registry.ime.ImeRegistry;
import org.imelab.registry.ime.LabRestartKey;

/**
 * What the engine works with, wired once by the daemon (or a test). {@code bootTime} is the device's last
 * boot (pending reboots are measured against it); {@code restarter} restarts the machine when apps ask for
 * it and the lab allows it (a recording one in tests).
 */
public record Win32AppServices(ImeRegistry ime, DetectionEvaluator detection, RequirementEvaluator requirements,
        ContentStager content, InstallerRunner installer, ReportingManager reporting, AppFaults faults,
        InstantSource clock, EngineSettings settings, BootTime bootTime, DeviceRestarter restarter) {

    public Win32AppServices {
        Objects.requireNonNull(ime, "ime");
        Objects.requireNonNull(detection, "detection");
        Objects.requireNonNull(requirements, "requirements");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(installer, "installer");
        Objects.requireNonNull(reporting, "reporting");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(bootTime, "bootTime");
        Objects.requireNonNull(restarter, "restarter");
    }

    DeviceRestartRequests deviceRestarts() {
        return new DeviceRestartRequests(new LabRestartKey(ime.registry(), ime.layout()), restarter);
    }

    public AppCatalog catalog() {
        return new AppCatalog(ime.registry(), ime.layout());
    }

    public AvailableAppRequests availableRequests() {
        return new AvailableAppRequests(ime.registry(), ime.layout());
    }
}
