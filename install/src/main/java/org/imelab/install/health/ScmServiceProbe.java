package org.imelab.install.health;

import java.time.Duration;
import org.imelab.install.service.ServiceManager;
import org.imelab.install.service.ServiceState;

/** The service's state as the Windows service control manager reports it. */
public final class ScmServiceProbe implements ServiceProbe {
    private final ServiceManager scm;
    private final String serviceName;

    public ScmServiceProbe(ServiceManager scm, String serviceName) {
        this.scm = scm;
        this.serviceName = serviceName;
    }

    @Override
    public String subject() {
        return "service " + serviceName;
    }

    @Override
    public ServiceState state() {
        return scm.state(serviceName);
    }

    @Override
    public void restart() {
        scm.start(serviceName, Duration.ofSeconds(90));
    }
}
