package org.imelab.install;

import java.util.List;

/**
 * An install or uninstall that did not complete: which step failed, why, the Win32 error code
 * when the failure came from Windows (0 otherwise), and anything the rollback could not undo.
 */
public class InstallException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String step;
    private final int win32Error;
    private final List<String> leftovers;

    public InstallException(String message) {
        this(null, message, null, List.of());
    }

    public InstallException(String step, String message, Throwable cause, List<String> leftovers) {
        super(message, cause);
        this.step = step;
        this.win32Error = Win32Errors.find(cause);
        this.leftovers = List.copyOf(leftovers);
    }

    /** The name of the step that failed, or null when the failure came before any step. */
    public String step() {
        return step;
    }

    /** The Win32 error code behind the failure, or 0. */
    public int win32Error() {
        return win32Error;
    }

    /** What a rollback or uninstall could not reverse, one line each. */
    public List<String> leftovers() {
        return leftovers;
    }
}
