package org.imelab.agent.win32app.exec.windows;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;

/**
 * The Win32 functions a user-session start needs that jna-platform lacks or declares unsuitably
 * (its CreateProcessAsUser takes the environment as a String, and CreateProcessAsUserW may write
 * into the command line, so that is a char array here). Failures are read with
 * {@code Native.getLastError()}, which JNA saves right after each call.
 */
record SessionApi(Wtsapi32 wts, Userenv userenv, Advapi32 advapi, Kernel32 kernel) {
    static final int ERROR_FILE_NOT_FOUND = 2;
    static final int ERROR_NO_TOKEN = 1008;
    static final int ERROR_PRIVILEGE_NOT_HELD = 1314;
    static final int WAIT_OBJECT_0 = 0;
    static final int WAIT_TIMEOUT = 0x102;
    static final int INFINITE = 0xFFFFFFFF;
    static final int JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS = 9;

    static SessionApi load() {
        return new SessionApi(Native.load("Wtsapi32", Wtsapi32.class, W32APIOptions.UNICODE_OPTIONS),
                Native.load("Userenv", Userenv.class, W32APIOptions.UNICODE_OPTIONS),
                Native.load("Advapi32", Advapi32.class, W32APIOptions.UNICODE_OPTIONS),
                Native.load("Kernel32", Kernel32.class, W32APIOptions.UNICODE_OPTIONS));
    }

    interface Wtsapi32 extends StdCallLibrary {
        /** BOOL WTSQueryUserToken(ULONG SessionId, PHANDLE phToken): LocalSystem with SE_TCB_NAME only. */
        boolean WTSQueryUserToken(int sessionId, WinNT.HANDLEByReference token);
    }

    interface Userenv extends StdCallLibrary {
        /** BOOL CreateEnvironmentBlock(LPVOID *lpEnvironment, HANDLE hToken, BOOL bInherit): a Unicode block. */
        boolean CreateEnvironmentBlock(PointerByReference environment, WinNT.HANDLE token, boolean inherit);

        boolean DestroyEnvironmentBlock(Pointer environment);
    }

    interface Advapi32 extends StdCallLibrary {
        /** CreateProcessAsUserW; {@code commandLine} is a writable, NUL-terminated buffer. */
        boolean CreateProcessAsUserW(WinNT.HANDLE token, String applicationName, char[] commandLine,
                WinBase.SECURITY_ATTRIBUTES processAttributes, WinBase.SECURITY_ATTRIBUTES threadAttributes,
                boolean inheritHandles, int creationFlags, Pointer environment, String currentDirectory,
                WinBase.STARTUPINFO startupInfo, WinBase.PROCESS_INFORMATION processInformation);
    }

    interface Kernel32 extends StdCallLibrary {
        WinNT.HANDLE CreateJobObjectW(WinBase.SECURITY_ATTRIBUTES attributes, String name);

        boolean SetInformationJobObject(WinNT.HANDLE job, int infoClass, JobLimits info, int length);

        boolean AssignProcessToJobObject(WinNT.HANDLE job, WinNT.HANDLE process);

        boolean TerminateJobObject(WinNT.HANDLE job, int exitCode);

        boolean TerminateProcess(WinNT.HANDLE process, int exitCode);

        /** DWORD ResumeThread(HANDLE): the previous suspend count, (DWORD) -1 on failure. */
        int ResumeThread(WinNT.HANDLE thread);

        int WaitForSingleObject(WinNT.HANDLE handle, int milliseconds);

        boolean GetExitCodeProcess(WinNT.HANDLE process, com.sun.jna.ptr.IntByReference exitCode);

        boolean CloseHandle(WinNT.HANDLE handle);

        /** The console session's id, 0xFFFFFFFF when no session is attached to the console. */
        int WTSGetActiveConsoleSessionId();
    }
}
