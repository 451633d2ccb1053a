package org.imelab.install.windows;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.Winsvc;
import java.lang.ref.Reference;
import java.util.OptionalInt;
import org.imelab.install.service.ExecutorTicker;
import org.imelab.install.service.HostedService;
import org.imelab.install.service.ScmServiceMain;
import org.imelab.install.service.ScmStatus;
import org.imelab.install.service.ScmStatusMachine;
import org.imelab.install.service.ServiceControlException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the daemon under the Windows service control manager: the main thread calls
 * StartServiceCtrlDispatcher, which calls back ServiceMain on a thread of its own; ServiceMain
 * registers the control handler and then runs {@link ScmServiceMain}, whose status changes go to
 * SetServiceStatus. When the process was not started by the SCM, the dispatcher fails with
 * ERROR_FAILED_SERVICE_CONTROLLER_CONNECT (1063) and {@link #dispatch} returns empty so the
 * caller runs in the foreground instead.
 */
public final class WindowsServiceHost {
    private static final Logger LOG = LoggerFactory.getLogger(WindowsServiceHost.class);

    public static final int ERROR_FAILED_SERVICE_CONTROLLER_CONNECT = 1063;
    private static final int SERVICE_WIN32_OWN_PROCESS = 0x10;

    // JNA callbacks must stay strongly reachable while native code may call them
    private final Winsvc.SERVICE_MAIN_FUNCTION serviceMain;
    private final Winsvc.HandlerEx handler;
    private final HostedService service;
    private volatile ScmServiceMain main;
    private volatile int exitCode;

    private WindowsServiceHost(HostedService service) {
        this.service = service;
        this.serviceMain = this::serviceMain;
        this.handler = (control, eventType, eventData, context) -> {
            ScmServiceMain m = main;
            return m == null ? ScmServiceMain.ERROR_CALL_NOT_IMPLEMENTED : m.onControl(control);
        };
    }

    /**
     * Connects to the SCM and runs the service until it is stopped; returns its exit code, or
     * empty when this process was not started by the SCM.
     */
    public static OptionalInt dispatch(HostedService service) {
        WindowsServiceHost host = new WindowsServiceHost(service);
        Winsvc.SERVICE_TABLE_ENTRY entry = new Winsvc.SERVICE_TABLE_ENTRY();
        entry.lpServiceName = "imelab"; // ignored for a SERVICE_WIN32_OWN_PROCESS service, but not null
        entry.lpServiceProc = host.serviceMain;
        Winsvc.SERVICE_TABLE_ENTRY[] table = (Winsvc.SERVICE_TABLE_ENTRY[]) entry.toArray(2); // the second is the terminator
        try {
            if (!Advapi32.INSTANCE.StartServiceCtrlDispatcher(table)) {
                int err = Kernel32.INSTANCE.GetLastError();
                if (err == ERROR_FAILED_SERVICE_CONTROLLER_CONNECT) {
                    return OptionalInt.empty();
                }
                throw new ServiceControlException("StartServiceCtrlDispatcher failed", err);
            }
            return OptionalInt.of(host.exitCode);
        } finally {
            Reference.reachabilityFence(host);
            Reference.reachabilityFence(table);
        }
    }

    private void serviceMain(int argc, Pointer argv) {
        String name = argc > 0 && argv != null ? argv.getPointer(0).getWideString(0) : "imelab";
        Winsvc.SERVICE_STATUS_HANDLE handle = Advapi32.INSTANCE.RegisterServiceCtrlHandlerEx(name, handler, null);
        if (handle == null) {
            // without a status handle nothing can be reported; the SCM will time the start out
            LOG.error("RegisterServiceCtrlHandlerEx({}) failed (Win32 error {})", name, Kernel32.INSTANCE.GetLastError());
            exitCode = 1;
            return;
        }
        ScmStatusMachine status = new ScmStatusMachine(s -> report(handle, s));
        main = new ScmServiceMain(status, new ExecutorTicker());
        exitCode = main.run(service);
    }

    private static void report(Winsvc.SERVICE_STATUS_HANDLE handle, ScmStatus s) {
        Winsvc.SERVICE_STATUS status = new Winsvc.SERVICE_STATUS();
        status.dwServiceType = SERVICE_WIN32_OWN_PROCESS;
        status.dwCurrentState = s.state().code();
        status.dwControlsAccepted = s.controlsAccepted();
        status.dwWin32ExitCode = s.win32ExitCode();
        status.dwServiceSpecificExitCode = s.serviceSpecificExitCode();
        status.dwCheckPoint = s.checkPoint();
        status.dwWaitHint = s.waitHintMillis();
        if (!Advapi32.INSTANCE.SetServiceStatus(handle, status)) {
            LOG.error("SetServiceStatus({}) failed (Win32 error {})", s.state(), Kernel32.INSTANCE.GetLastError());
        }
    }
}
