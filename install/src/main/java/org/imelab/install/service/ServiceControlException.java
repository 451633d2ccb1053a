package org.imelab.install.service;

/** A service control manager call that failed, with its Win32 error code. */
public class ServiceControlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The service does not exist. */
    public static final int ERROR_SERVICE_DOES_NOT_EXIST = 1060;
    /** A service of that name exists already. */
    public static final int ERROR_SERVICE_EXISTS = 1073;
    /** The service is marked for deletion (handles still open). */
    public static final int ERROR_SERVICE_MARKED_FOR_DELETE = 1072;

    private final int win32Error;

    public ServiceControlException(String message, int win32Error) {
        super(message + " (Win32 error " + win32Error + ")");
        this.win32Error = win32Error;
    }

    public ServiceControlException(String message, int win32Error, Throwable cause) {
        super(message + " (Win32 error " + win32Error + ")", cause);
        this.win32Error = win32Error;
    }

    public int win32Error() {
        return win32Error;
    }
}
