package org.imelab.certpicker;

/**
 * A certificate store could not be opened or read. On Windows it carries the Win32 error
 * (or HRESULT) of the failing call; elsewhere the code is 0.
 */
public class CertificateStoreException extends RuntimeException {
    private final int win32Error;

    public CertificateStoreException(String message, int win32Error, Throwable cause) {
        super(win32Error == 0 ? message : message + " (error 0x" + Integer.toHexString(win32Error) + ")", cause);
        this.win32Error = win32Error;
    }

    public CertificateStoreException(String message, Throwable cause) {
        this(message, 0, cause);
    }

    public int win32Error() {
        return win32Error;
    }
}
