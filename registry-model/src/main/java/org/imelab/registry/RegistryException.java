package org.imelab.registry;

/**
 * Any registry failure. Carries the Win32 error code when the failure came from (or stands for) a
 * Win32 call, so callers and logs see the same code a real device would give.
 */
public class RegistryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Win32 ERROR_ACCESS_DENIED. */
    public static final int ERROR_ACCESS_DENIED = 5;
    /** Win32 ERROR_INVALID_PARAMETER. */
    public static final int ERROR_INVALID_PARAMETER = 87;
    /** Win32 ERROR_FILE_NOT_FOUND. */
    public static final int ERROR_FILE_NOT_FOUND = 2;

    private final int win32Error;

    public RegistryException(String message) {
        this(message, 0, null);
    }

    public RegistryException(String message, Throwable cause) {
        this(message, 0, cause);
    }

    public RegistryException(String message, int win32Error, Throwable cause) {
        super(win32Error == 0 ? message : message + " (Win32 error " + win32Error + ")", cause);
        this.win32Error = win32Error;
    }

    /** The Win32 error code, or 0 when the failure has none. */
    public int win32Error() {
        return win32Error;
    }
}
