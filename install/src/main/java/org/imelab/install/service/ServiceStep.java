package org.imelab.install.service;

import java.time.Duration;
import java.util.Optional;
import org.imelab.install.InstallStep;
import org.imelab.install.StepContext;
import org.imelab.install.Undo;

/**
 * Registers the daemon with the service control manager. A service of that name that imelab
 * did not create (the real IME's) is only replaced when {@code replaceForeign} is set (the
 * user's {@code --take-over-real-ime}); its configuration is then kept in the undo record, so
 * uninstall puts it back.
 */
public final class ServiceStep implements InstallStep {
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final ServiceConfig config;
    private final boolean replaceForeign;

    public ServiceStep(ServiceConfig config, boolean replaceForeign) {
        this.config = config;
        this.replaceForeign = replaceForeign;
    }

    public ServiceConfig config() {
        return config;
    }

    @Override
    public String name() {
        return "service " + config.name();
    }

    @Override
    public boolean isDone(StepContext ctx) {
        return ctx.services().query(config.name()).filter(config::sameSetupAs).isPresent();
    }

    @Override
    public Undo apply(StepContext ctx) {
        ServiceManager scm = ctx.services();
        Optional<ServiceConfig> existing = scm.query(config.name());
        if (existing.isEmpty()) {
            scm.create(config);
            return new ServiceUndo(config.name(), null, null, false);
        }
        ServiceConfig before = existing.get();
        if (before.runsImelab()) {
            // an upgrade: stopped here, started again by the plan's start step on the new setup
            boolean wasRunning = scm.state(config.name()) == ServiceState.RUNNING;
            if (wasRunning) {
                scm.stop(config.name(), STOP_TIMEOUT);
            }
            scm.update(config);
            return new ServiceUndo(config.name(), null, before, wasRunning);
        }
        if (!replaceForeign) {
            throw new IllegalStateException("A service named " + config.name() + " exists and is not imelab's ("
                    + before.binaryPath() + "); choose another --service-name");
        }
        ctx.report("  replacing service " + before.name() + " (" + before.binaryPath() + "); uninstall restores it");
        scm.stop(before.name(), STOP_TIMEOUT);
        scm.delete(before.name());
        try {
            scm.create(config);
        } catch (RuntimeException e) {
            scm.create(before);
            throw e;
        }
        return new ServiceUndo(config.name(), before, null, false);
    }
}
