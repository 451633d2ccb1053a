package org.imelab.install.service;

import java.time.Duration;
import org.imelab.install.InstallStep;
import org.imelab.install.StepContext;
import org.imelab.install.Undo;

/** Starts the installed service (the SCM reports RUNNING once the daemon has started). */
public final class StartServiceStep implements InstallStep {
    static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final String serviceName;

    public StartServiceStep(String serviceName) {
        this.serviceName = serviceName;
    }

    @Override
    public String name() {
        return "start service " + serviceName;
    }

    @Override
    public boolean isDone(StepContext ctx) {
        return ctx.services().state(serviceName) == ServiceState.RUNNING;
    }

    @Override
    public Undo apply(StepContext ctx) {
        ctx.services().start(serviceName, START_TIMEOUT);
        return new StopServiceUndo(serviceName);
    }

    /** Stops the service again. */
    public record StopServiceUndo(String serviceName) implements Undo {
        @Override
        public void revert(StepContext ctx) {
            if (ctx.services().state(serviceName) != ServiceState.NOT_INSTALLED) {
                ctx.services().stop(serviceName, ServiceStep.STOP_TIMEOUT);
            }
        }
    }
}
