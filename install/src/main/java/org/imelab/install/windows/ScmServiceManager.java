package org.imelab.install.windows;

import com.sun.jna.Memory;
import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.W32Service;
import com.sun.jna.platform.win32.Win32Exception;
import com.sun.jna.platform.win32.Winsvc;
import com.sun.jna.ptr.IntByReference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.imelab.install.service.ServiceConfig;
import org.imelab.install.service.ServiceControlException;
import org.imelab.install.service.ServiceManager;
import org.imelab.install.service.ServiceState;
import org.imelab.install.service.StartType;

/**
 * {@link ServiceManager} on the Windows service control manager (advapi32 through JNA). Every
 * call's result is checked; failures carry GetLastError's code. Handles are closed in finally.
 */
public final class ScmServiceManager implements ServiceManager {
    private static final int SERVICE_WIN32_OWN_PROCESS = 0x10;
    private static final int SERVICE_ERROR_NORMAL = 1;
    private static final int DELETE = 0x10000;
    private static final int ERROR_INSUFFICIENT_BUFFER = 122;
    private static final int ERROR_SERVICE_ALREADY_RUNNING = 1056;
    private static final int ERROR_SERVICE_NOT_ACTIVE = 1062;

    private final Advapi32 api = Advapi32.INSTANCE;

    @Override
    public Optional<ServiceConfig> query(String name) {
        return withService(name, Winsvc.SERVICE_QUERY_CONFIG, Optional::empty, svc -> Optional.of(readConfig(name, svc)));
    }

    private ServiceConfig readConfig(String name, Winsvc.SC_HANDLE svc) {
        IntByReference needed = new IntByReference();
        if (!ServiceConfigApi.INSTANCE.QueryServiceConfig(svc, null, 0, needed)) {
            int err = Kernel32.INSTANCE.GetLastError();
            if (err != ERROR_INSUFFICIENT_BUFFER) {
                throw new ServiceControlException("QueryServiceConfig(" + name + ") failed", err);
            }
        }
        Memory buf = new Memory(Math.max(needed.getValue(), 1));
        if (!ServiceConfigApi.INSTANCE.QueryServiceConfig(svc, buf, (int) buf.size(), needed)) {
            throw new ServiceControlException("QueryServiceConfig(" + name + ") failed", Kernel32.INSTANCE.GetLastError());
        }
        ServiceConfigApi.QUERY_SERVICE_CONFIG cfg = new ServiceConfigApi.QUERY_SERVICE_CONFIG(buf);
        W32Service w32 = new W32Service(svc); // not closed here: the caller owns the handle
        Winsvc.SERVICE_FAILURE_ACTIONS fa;
        try {
            fa = w32.getFailureActions();
        } catch (Win32Exception e) {
            throw new ServiceControlException("QueryServiceConfig2(" + name + ", FAILURE_ACTIONS) failed", e.getErrorCode(), e);
        }
        List<Duration> delays = new ArrayList<>();
        if (fa.cActions > 0 && fa.lpsaActions != null) {
            for (Winsvc.SC_ACTION a : (Winsvc.SC_ACTION[]) fa.lpsaActions.toArray(fa.cActions)) {
                if (a.type == Winsvc.SC_ACTION_RESTART) {
                    delays.add(Duration.ofMillis(a.delay));
                }
            }
        }
        return new ServiceConfig(name, ServiceConfigApi.QUERY_SERVICE_CONFIG.text(cfg.lpDisplayName), readDescription(name, svc),
                ServiceConfigApi.QUERY_SERVICE_CONFIG.text(cfg.lpBinaryPathName), StartType.ofCode(cfg.dwStartType),
                ServiceConfigApi.QUERY_SERVICE_CONFIG.text(cfg.lpServiceStartName), delays,
                Duration.ofSeconds(Integer.toUnsignedLong(fa.dwResetPeriod)));
    }

    private String readDescription(String name, Winsvc.SC_HANDLE svc) {
        IntByReference needed = new IntByReference();
        if (!api.QueryServiceConfig2(svc, Winsvc.SERVICE_CONFIG_DESCRIPTION, null, 0, needed)) {
            int err = Kernel32.INSTANCE.GetLastError();
            if (err != ERROR_INSUFFICIENT_BUFFER) {
                throw new ServiceControlException("QueryServiceConfig2(" + name + ", DESCRIPTION) failed", err);
            }
        }
        Memory buf = new Memory(Math.max(needed.getValue(), 8));
        if (!api.QueryServiceConfig2(svc, Winsvc.SERVICE_CONFIG_DESCRIPTION, buf, (int) buf.size(), needed)) {
            throw new ServiceControlException("QueryServiceConfig2(" + name + ", DESCRIPTION) failed", Kernel32.INSTANCE.GetLastError());
        }
        com.sun.jna.Pointer text = buf.getPointer(0); // SERVICE_DESCRIPTIONW.lpDescription
        return text == null ? null : text.getWideString(0);
    }

    @Override
    public ServiceState state(String name) {
        return withService(name, Winsvc.SERVICE_QUERY_STATUS, () -> ServiceState.NOT_INSTALLED,
                svc -> ServiceState.ofCode(queryStatus(name, svc).dwCurrentState));
    }

    @Override
    public void create(ServiceConfig c) {
        Winsvc.SC_HANDLE scm = openScm(Winsvc.SC_MANAGER_CONNECT | Winsvc.SC_MANAGER_CREATE_SERVICE);
        try {
            Winsvc.SC_HANDLE svc = api.CreateService(scm, c.name(), c.displayName(), Winsvc.SERVICE_ALL_ACCESS,
                    SERVICE_WIN32_OWN_PROCESS, c.startType().code(), SERVICE_ERROR_NORMAL, c.binaryPath(),
                    null, null, null, c.account(), null);
            if (svc == null) {
                throw new ServiceControlException("CreateService(" + c.name() + ") failed", Kernel32.INSTANCE.GetLastError());
            }
            try {
                configure(c, svc);
            } catch (RuntimeException e) {
                api.DeleteService(svc); // no half-made service left behind
                throw e;
            } finally {
                api.CloseServiceHandle(svc);
            }
        } finally {
            api.CloseServiceHandle(scm);
        }
    }

    @Override
    public void update(ServiceConfig c) {
        withService(c.name(), Winsvc.SERVICE_CHANGE_CONFIG | Winsvc.SERVICE_START | Winsvc.SERVICE_QUERY_CONFIG, null, svc -> {
            if (!ServiceConfigApi.INSTANCE.ChangeServiceConfig(svc, ServiceConfigApi.SERVICE_NO_CHANGE, c.startType().code(),
                    ServiceConfigApi.SERVICE_NO_CHANGE, c.binaryPath(), null, null, null, c.account(), null, c.displayName())) {
                throw new ServiceControlException("ChangeServiceConfig(" + c.name() + ") failed", Kernel32.INSTANCE.GetLastError());
            }
            configure(c, svc);
            return null;
        });
    }

    /** Description, recovery actions, and recovery also for a stop with an error exit code. */
    private void configure(ServiceConfig c, Winsvc.SC_HANDLE svc) {
        Winsvc.SERVICE_DESCRIPTION desc = new Winsvc.SERVICE_DESCRIPTION();
        desc.lpDescription = c.description();
        if (!api.ChangeServiceConfig2(svc, Winsvc.SERVICE_CONFIG_DESCRIPTION, desc)) {
            throw new ServiceControlException("ChangeServiceConfig2(" + c.name() + ", DESCRIPTION) failed", Kernel32.INSTANCE.GetLastError());
        }
        List<Winsvc.SC_ACTION> actions = new ArrayList<>();
        for (Duration d : c.restartDelays()) {
            Winsvc.SC_ACTION a = new Winsvc.SC_ACTION();
            a.type = Winsvc.SC_ACTION_RESTART;
            a.delay = (int) d.toMillis();
            actions.add(a);
        }
        W32Service w32 = new W32Service(svc); // not closed here: the caller owns the handle
        try {
            if (!actions.isEmpty()) {
                w32.setFailureActions(actions, (int) c.failureResetPeriod().toSeconds(), null, null);
                w32.setFailureActionsFlag(true);
            }
        } catch (Win32Exception e) {
            throw new ServiceControlException("ChangeServiceConfig2(" + c.name() + ", FAILURE_ACTIONS) failed", e.getErrorCode(), e);
        }
    }

    @Override
    public void delete(String name) {
        withService(name, DELETE, null, svc -> {
            if (!api.DeleteService(svc)) {
                int err = Kernel32.INSTANCE.GetLastError();
                if (err != ServiceControlException.ERROR_SERVICE_MARKED_FOR_DELETE) {
                    throw new ServiceControlException("DeleteService(" + name + ") failed", err);
                }
            }
            return null;
        });
    }

    @Override
    public void start(String name, Duration timeout) {
        withService(name, Winsvc.SERVICE_START | Winsvc.SERVICE_QUERY_STATUS, null, svc -> {
            if (!api.StartService(svc, 0, null)) {
                int err = Kernel32.INSTANCE.GetLastError();
                if (err != ERROR_SERVICE_ALREADY_RUNNING) {
                    throw new ServiceControlException("StartService(" + name + ") failed", err);
                }
            }
            Winsvc.SERVICE_STATUS_PROCESS s = waitWhilePending(name, svc, timeout);
            if (s.dwCurrentState != Winsvc.SERVICE_RUNNING) {
                int code = s.dwWin32ExitCode == 1066 ? s.dwServiceSpecificExitCode : s.dwWin32ExitCode;
                throw new ServiceControlException("Service " + name + " did not start; it is "
                        + ServiceState.ofCode(s.dwCurrentState) + " with exit code " + code, s.dwWin32ExitCode);
            }
            return null;
        });
    }

    @Override
    public void stop(String name, Duration timeout) {
        withService(name, Winsvc.SERVICE_STOP | Winsvc.SERVICE_QUERY_STATUS, null, svc -> {
            Winsvc.SERVICE_STATUS status = new Winsvc.SERVICE_STATUS();
            if (!api.ControlService(svc, Winsvc.SERVICE_CONTROL_STOP, status)) {
                int err = Kernel32.INSTANCE.GetLastError();
                if (err == ERROR_SERVICE_NOT_ACTIVE) {
                    return null;
                }
                throw new ServiceControlException("ControlService(" + name + ", STOP) failed", err);
            }
            Winsvc.SERVICE_STATUS_PROCESS s = waitWhilePending(name, svc, timeout);
            if (s.dwCurrentState != Winsvc.SERVICE_STOPPED) {
                throw new ServiceControlException("Service " + name + " did not stop within " + timeout, 1053);
            }
            return null;
        });
    }

    /**
     * Polls while the service is START_PENDING or STOP_PENDING, at a tenth of its wait hint
     * (between 1 and 10 seconds), as Microsoft's service samples do.
     */
    private Winsvc.SERVICE_STATUS_PROCESS waitWhilePending(String name, Winsvc.SC_HANDLE svc, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Winsvc.SERVICE_STATUS_PROCESS s = queryStatus(name, svc);
            boolean pending = s.dwCurrentState == Winsvc.SERVICE_START_PENDING || s.dwCurrentState == Winsvc.SERVICE_STOP_PENDING;
            if (!pending || Instant.now().isAfter(deadline)) {
                return s;
            }
            long wait = Math.min(10_000, Math.max(1_000, s.dwWaitHint / 10L));
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for service " + name, e);
            }
        }
    }

    private Winsvc.SERVICE_STATUS_PROCESS queryStatus(String name, Winsvc.SC_HANDLE svc) {
        Winsvc.SERVICE_STATUS_PROCESS s = new Winsvc.SERVICE_STATUS_PROCESS();
        IntByReference needed = new IntByReference();
        if (!api.QueryServiceStatusEx(svc, Winsvc.SC_STATUS_TYPE.SC_STATUS_PROCESS_INFO, s, s.size(), needed)) {
            throw new ServiceControlException("QueryServiceStatusEx(" + name + ") failed", Kernel32.INSTANCE.GetLastError());
        }
        return s;
    }

    private Winsvc.SC_HANDLE openScm(int access) {
        Winsvc.SC_HANDLE scm = api.OpenSCManager(null, null, access);
        if (scm == null) {
            throw new ServiceControlException("OpenSCManager failed", Kernel32.INSTANCE.GetLastError());
        }
        return scm;
    }

    /** Work on an open service handle. */
    private interface ServiceCall<T> {
        T apply(Winsvc.SC_HANDLE svc);
    }

    /**
     * Connects to the SCM, opens {@code name} with {@code access}, runs {@code call} and closes
     * both handles. A service that does not exist gives {@code whenMissing}'s answer, or, when it
     * is null, the OpenService error.
     */
    private <T> T withService(String name, int access, Supplier<T> whenMissing, ServiceCall<T> call) {
        Winsvc.SC_HANDLE scm = openScm(Winsvc.SC_MANAGER_CONNECT);
        try {
            Winsvc.SC_HANDLE svc = api.OpenService(scm, name, access);
            if (svc == null) {
                int err = Kernel32.INSTANCE.GetLastError();
                if (whenMissing != null && err == ServiceControlException.ERROR_SERVICE_DOES_NOT_EXIST) {
                    return whenMissing.get();
                }
                throw new ServiceControlException("OpenService(" + name + ") failed", err);
            }
            try {
                return call.apply(svc);
            } finally {
                api.CloseServiceHandle(svc);
            }
        } finally {
            api.CloseServiceHandle(scm);
        }
    }
}
