package org.imelab.agent.win32app.exec.windows;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.PointerByReference;
import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalInt;
import org.imelab.agent.session.UserSession;
import org.imelab.agent.win32app.exec.Launch;
import org.imelab.agent.win32app.exec.LaunchedProcess;
import org.imelab.agent.win32app.exec.UserSessionLauncher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * User-context installs on Windows, as the IME does them from SYSTEM: the session's user token
 * (WTSQueryUserToken) duplicated to a primary token, the user's own environment
 * (CreateEnvironmentBlock), and CreateProcessAsUserW on the user's desktop, started suspended and
 * put in a kill-on-close job before it runs, so a timeout kill takes everything it started.
 * The installer's stdout and stderr are not captured on this path (the IME does not capture them
 * either); the policy's command line is passed as written.
 */
public final class WtsUserSessionLauncher implements UserSessionLauncher {
    private static final Logger LOG = LoggerFactory.getLogger("ime.AppWorkload");
    private static final int MAXIMUM_ALLOWED = 0x02000000;
    private static final int SECURITY_IMPERSONATION = 2; // SECURITY_IMPERSONATION_LEVEL.SecurityImpersonation
    private static final int TOKEN_PRIMARY = 1; // TOKEN_TYPE.TokenPrimary
    private static final int CREATE_SUSPENDED = 0x4;
    private static final int CREATE_UNICODE_ENVIRONMENT = 0x400;
    private static final int CREATE_NO_WINDOW = 0x08000000;
    private static final String DESKTOP = "winsta0\\default";
    /** CreateProcess's limit on lpCommandLine, NUL included. */
    private static final int MAX_COMMAND_LINE = 32_767;

    private volatile SessionApi api;

    private SessionApi api() {
        SessionApi a = api;
        if (a == null) {
            a = SessionApi.load(); // only on Windows, on the first user-context install
            api = a;
        }
        return a;
    }

    /** The session attached to the console, if a user is there. */
    public static OptionalInt activeConsoleSession() {
        int id = SessionApi.load().kernel().WTSGetActiveConsoleSessionId();
        return id == -1 ? OptionalInt.empty() : OptionalInt.of(id);
    }

    @Override
    public LaunchedProcess start(UserSession user, Launch launch) throws IOException {
        if (launch.commandLine().length() >= MAX_COMMAND_LINE) {
            throw new IOException("The command line is longer than Windows allows (" + MAX_COMMAND_LINE + ")");
        }
        SessionApi a = api();
        int session = user.sessionId();
        LOG.info("Starting impersonation, session id = {}", session);
        WinNT.HANDLEByReference userToken = new WinNT.HANDLEByReference();
        if (!a.wts().WTSQueryUserToken(session, userToken)) {
            throw tokenFailure(session, Native.getLastError());
        }
        WinNT.HANDLE primary = null;
        Pointer userEnvironment = null;
        WinNT.HANDLE job = null;
        boolean handedOver = false;
        try {
            WinNT.HANDLEByReference dup = new WinNT.HANDLEByReference();
            if (!Advapi32.INSTANCE.DuplicateTokenEx(userToken.getValue(), MAXIMUM_ALLOWED, null, SECURITY_IMPERSONATION,
                    TOKEN_PRIMARY, dup)) {
                throw failure("DuplicateTokenEx", session);
            }
            primary = dup.getValue();
            PointerByReference env = new PointerByReference();
            if (!a.userenv().CreateEnvironmentBlock(env, primary, false)) {
                throw failure("CreateEnvironmentBlock", session);
            }
            userEnvironment = env.getValue();
            char[] block = EnvironmentBlocks.merge(EnvironmentBlocks.read(userEnvironment), launch.environment());
            job = a.kernel().CreateJobObjectW(null, null);
            if (job == null) {
                throw failure("CreateJobObject", session);
            }
            JobLimits limits = JobLimits.withFlags(JobLimits.JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE);
            if (!a.kernel().SetInformationJobObject(job, SessionApi.JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS, limits,
                    limits.size())) {
                throw failure("SetInformationJobObject", session);
            }
            JobProcess started = createInJob(a, primary, block, launch, job, session);
            handedOver = true;
            LOG.info("After impersonation: {}", user.account());
            return started;
        } finally {
            if (!handedOver && job != null) {
                closeQuietly(a, job, "job");
            }
            if (userEnvironment != null && !a.userenv().DestroyEnvironmentBlock(userEnvironment)) {
                LOG.warn("DestroyEnvironmentBlock failed with error {}", Native.getLastError());
            }
            if (primary != null) {
                closeQuietly(a, primary, "primary token");
            }
            closeQuietly(a, userToken.getValue(), "user token");
        }
    }

    /** Creates the process suspended, puts it in the job, then lets it run. */
    private static JobProcess createInJob(SessionApi a, WinNT.HANDLE primary, char[] block, Launch launch,
            WinNT.HANDLE job, int session) throws IOException {
        Memory environment = new Memory((long) Native.WCHAR_SIZE * block.length);
        environment.write(0, block, 0, block.length);
        WinBase.STARTUPINFO si = new WinBase.STARTUPINFO();
        si.lpDesktop = DESKTOP;
        WinBase.PROCESS_INFORMATION pi = new WinBase.PROCESS_INFORMATION();
        boolean created = a.advapi().CreateProcessAsUserW(primary, programIn(launch), Native.toCharArray(launch.commandLine()),
                null, null, false, CREATE_UNICODE_ENVIRONMENT | CREATE_SUSPENDED | CREATE_NO_WINDOW, environment,
                launch.workingDirectory().toAbsolutePath().toString(), si, pi);
        int createError = Native.getLastError();
        Reference.reachabilityFence(environment);
        if (!created) {
            throw new IOException("CreateProcessAsUserW in session " + session + " failed with error " + createError);
        }
        boolean running = false;
        try {
            if (!a.kernel().AssignProcessToJobObject(job, pi.hProcess)) {
                throw failure("AssignProcessToJobObject", session);
            }
            if (a.kernel().ResumeThread(pi.hThread) == -1) {
                throw failure("ResumeThread", session);
            }
            running = true;
            return new JobProcess(a.kernel(), pi.hProcess, job, pi.dwProcessId.longValue());
        } finally {
            closeQuietly(a, pi.hThread, "thread");
            if (!running) {
                // still suspended: end it, it never ran a line
                if (!a.kernel().TerminateProcess(pi.hProcess, 1)) {
                    LOG.warn("TerminateProcess of the unstarted installer failed with error {}", Native.getLastError());
                }
                closeQuietly(a, pi.hProcess, "process");
            }
        }
    }

    /**
     * The program when it sits in the app's folder: the IME sets its current directory there
     * first, but CreateProcess searches the caller's folder, not lpCurrentDirectory. Only .exe
     * and .com can be named directly; anything else is left to CreateProcess's own search.
     */
    static String programIn(Launch launch) {
        if (launch.argv().isEmpty()) {
            return null;
        }
        try {
            Path program = Path.of(launch.argv().get(0));
            if (program.isAbsolute()) {
                return null;
            }
            String name = program.getFileName() == null ? "" : program.getFileName().toString().toLowerCase(Locale.ROOT);
            Path candidate = launch.workingDirectory().resolve(program);
            if (!name.contains(".")) {
                candidate = candidate.resolveSibling(candidate.getFileName() + ".exe");
            } else if (!name.endsWith(".exe") && !name.endsWith(".com")) {
                return null;
            }
            return Files.isRegularFile(candidate) ? candidate.toAbsolutePath().toString() : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static IOException tokenFailure(int session, int error) {
        return new IOException(switch (error) {
            case SessionApi.ERROR_PRIVILEGE_NOT_HELD -> "Cannot take the user token of session " + session
                    + ": the agent must run as SYSTEM (ERROR_PRIVILEGE_NOT_HELD)";
            case SessionApi.ERROR_NO_TOKEN -> "No user is logged on in session " + session + " (ERROR_NO_TOKEN)";
            case SessionApi.ERROR_FILE_NOT_FOUND -> "Session " + session + " does not exist (ERROR_FILE_NOT_FOUND)";
            default -> "WTSQueryUserToken for session " + session + " failed with error " + error;
        });
    }

    private static IOException failure(String call, int session) {
        return new IOException(call + " for the installer in session " + session + " failed with error "
                + Native.getLastError());
    }

    private static void closeQuietly(SessionApi a, WinNT.HANDLE h, String what) {
        if (h != null && !a.kernel().CloseHandle(h)) {
            LOG.warn("CloseHandle({}) failed with error {}", what, Native.getLastError());
        }
    }
}
