package org.imelab.install.health;

import org.imelab.install.service.ServiceState;

/** Asks {@code primary}; when it cannot tell (or knows no such service), asks {@code fallback}. */
public final class FallbackProbe implements ServiceProbe {
    private final ServiceProbe primary;
    private final ServiceProbe fallback;
    private ServiceProbe answered;

    public FallbackProbe(ServiceProbe primary, ServiceProbe fallback) {
        this.primary = primary;
        this.fallback = fallback;
        this.answered = primary;
    }

    @Override
    public String subject() {
        return answered.subject();
    }

    @Override
    public ServiceState state() {
        ServiceState s = primary.state();
        if (s != ServiceState.UNKNOWN && s != ServiceState.NOT_INSTALLED) {
            answered = primary;
            return s;
        }
        answered = fallback;
        return fallback.state();
    }

    @Override
    public void restart() {
        answered.restart();
    }

    @Override
    public boolean canRestart() {
        return answered.canRestart();
    }
}
