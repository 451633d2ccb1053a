package org.imelab.install.testing;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.imelab.install.service.ServiceConfig;
import org.imelab.install.service.ServiceControlException;
import org.imelab.install.service.ServiceManager;
import org.imelab.install.service.ServiceState;

/**
 * A service control manager in memory, for running the Windows plan's logic on Linux. It follows
 * the SCM's rules that matter to the installer: names are case-insensitive, creating an existing
 * name fails with 1073, touching a missing one with 1060.
 */
public final class InMemoryServiceManager implements ServiceManager {
    private final Map<String, ServiceConfig> configs = new TreeMap<>();
    private final Map<String, ServiceState> states = new TreeMap<>();
    private int failStartWith;

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The next start fails with this Win32 error (0: starts work). */
    public void failStartsWith(int win32Error) {
        this.failStartWith = win32Error;
    }

    public Map<String, ServiceConfig> services() {
        return Map.copyOf(configs);
    }

    @Override
    public Optional<ServiceConfig> query(String name) {
        return Optional.ofNullable(configs.get(key(name)));
    }

    @Override
    public ServiceState state(String name) {
        return configs.containsKey(key(name)) ? states.get(key(name)) : ServiceState.NOT_INSTALLED;
    }

    @Override
    public void create(ServiceConfig config) {
        if (configs.containsKey(key(config.name()))) {
            throw new ServiceControlException("CreateService(" + config.name() + ") failed", ServiceControlException.ERROR_SERVICE_EXISTS);
        }
        configs.put(key(config.name()), config);
        states.put(key(config.name()), ServiceState.STOPPED);
    }

    @Override
    public void update(ServiceConfig config) {
        require(config.name());
        configs.put(key(config.name()), config);
    }

    @Override
    public void delete(String name) {
        require(name);
        if (states.get(key(name)) != ServiceState.STOPPED) {
            throw new IllegalStateException("a running service would only be marked for deletion");
        }
        configs.remove(key(name));
        states.remove(key(name));
    }

    @Override
    public void start(String name, Duration timeout) {
        require(name);
        if (failStartWith != 0) {
            int code = failStartWith;
            failStartWith = 0;
            throw new ServiceControlException("StartService(" + name + ") failed", code);
        }
        states.put(key(name), ServiceState.RUNNING);
    }

    @Override
    public void stop(String name, Duration timeout) {
        require(name);
        states.put(key(name), ServiceState.STOPPED);
    }

    /** As if the service had crashed. */
    public void crash(String name) {
        require(name);
        states.put(key(name), ServiceState.STOPPED);
    }

    private void require(String name) {
        if (!configs.containsKey(key(name))) {
            throw new ServiceControlException("OpenService(" + name + ") failed", ServiceControlException.ERROR_SERVICE_DOES_NOT_EXIST);
        }
    }
}
