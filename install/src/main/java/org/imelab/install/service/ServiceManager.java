package org.imelab.install.service;

import java.time.Duration;
import java.util.Optional;

/**
 * The service control manager as the installer and the health evaluation use it. The Windows
 * implementation is {@code org.imelab.install.windows.ScmServiceManager} (JNA); every failure
 * is a {@link ServiceControlException} carrying the Win32 error code.
 */
public interface ServiceManager {

    /** The service's configuration, or empty when there is no such service. */
    Optional<ServiceConfig> query(String name);

    /** The service's state ({@link ServiceState#NOT_INSTALLED} when there is no such service). */
    ServiceState state(String name);

    /** Creates the service with its description and recovery actions. */
    void create(ServiceConfig config);

    /** Changes an existing service to {@code config} (same name). */
    void update(ServiceConfig config);

    /** Marks the service for deletion; the SCM removes it once it is stopped and no handle is open. */
    void delete(String name);

    /** Starts the service and waits until it runs. */
    void start(String name, Duration timeout);

    /** Stops the service (when it runs) and waits until it has stopped. */
    void stop(String name, Duration timeout);
}
