package org.imelab.agent.win32app.exec;

import java.io.IOException;
import org.imelab.agent.session.UserSession;

/**
 * Starts a user-context installer (InstallEx.RunAs 2) as the logged-on user, in that user's
 * session, the way the IME does it from SYSTEM by impersonation.
 */
public interface UserSessionLauncher {

    /** @throws IOException when the user's session or account cannot be used or the start fails */
    LaunchedProcess start(UserSession user, Launch launch) throws IOException;
}
