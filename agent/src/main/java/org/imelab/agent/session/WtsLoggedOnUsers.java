package org.imelab.agent.session;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Wtsapi32;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Logged-on users on Windows, as the IME finds them: {@code WTSEnumerateSessionsW} on this server,
 * keeping the {@code WTSActive} sessions, and {@code WTSQuerySessionInformationW} for each one's
 * {@code WTSUserName} and {@code WTSDomainName} (an active session without a user name, such as a
 * session being set up, is skipped). Every buffer the API hands out goes back through
 * {@code WTSFreeMemory}.
 */
final class WtsLoggedOnUsers implements LoggedOnUsers {
    /** WTS_CONNECTSTATE_CLASS.WTSActive. */
    private static final int WTS_ACTIVE = 0;
    /** WTS_INFO_CLASS.WTSUserName and WTSDomainName. */
    private static final int WTS_USER_NAME = 5;
    private static final int WTS_DOMAIN_NAME = 7;

    @Override
    public List<UserSession> sessions() throws IOException {
        Wtsapi32 wts = Wtsapi32.INSTANCE;
        PointerByReference buffer = new PointerByReference();
        IntByReference count = new IntByReference();
        if (!wts.WTSEnumerateSessions(Wtsapi32.WTS_CURRENT_SERVER_HANDLE, 0, 1, buffer, count)) {
            throw new IOException("WTSEnumerateSessionsW failed, error " + Native.getLastError());
        }
        Pointer sessions = buffer.getValue();
        try {
            List<UserSession> out = new ArrayList<>();
            if (count.getValue() == 0 || sessions == null) {
                return out;
            }
            Wtsapi32.WTS_SESSION_INFO[] infos = (Wtsapi32.WTS_SESSION_INFO[])
                    new Wtsapi32.WTS_SESSION_INFO(sessions).toArray(count.getValue());
            for (Wtsapi32.WTS_SESSION_INFO info : infos) {
                if (info.State != WTS_ACTIVE) {
                    continue;
                }
                String user = query(wts, info.SessionId, WTS_USER_NAME);
                if (user.isEmpty()) {
                    continue;
                }
                String domain = query(wts, info.SessionId, WTS_DOMAIN_NAME);
                out.add(new UserSession(info.SessionId, domain.isEmpty() ? user : domain + "\\" + user, null));
            }
            return out;
        } finally {
            if (sessions != null) {
                wts.WTSFreeMemory(sessions);
            }
        }
    }

    private static String query(Wtsapi32 wts, int sessionId, int infoClass) throws IOException {
        PointerByReference buffer = new PointerByReference();
        IntByReference bytes = new IntByReference();
        if (!wts.WTSQuerySessionInformation(Wtsapi32.WTS_CURRENT_SERVER_HANDLE, sessionId, infoClass, buffer, bytes)) {
            throw new IOException("WTSQuerySessionInformationW(" + sessionId + ", " + infoClass + ") failed, error "
                    + Native.getLastError());
        }
        Pointer p = buffer.getValue();
        try {
            return p == null || bytes.getValue() < 2 ? "" : p.getWideString(0);
        } finally {
            if (p != null) {
                wts.WTSFreeMemory(p);
            }
        }
    }
}
