package org.imelab.agent.win32app.state;

/**
 * The error codes the engine records besides installer exit codes, as the signed 32-bit values
 * the state messages hold. 0x87D1041C is the real agent's "not detected after installation"
 * (ime-behaviour.md C §1.2); for the others no agent code is public, so imelab uses the Windows
 * HRESULT that says what happened, and names it here, once.
 */
public final class ErrorCodes {
    /** 0x87D1041C: the installer succeeded but detection does not find the app. */
    public static final int NOT_DETECTED_AFTER_INSTALL = 0x87D1041C;
    /** 0x87D1041D (imelab's): the uninstaller succeeded but detection still finds the app. */
    public static final int DETECTED_AFTER_UNINSTALL = 0x87D1041D;
    /** 0x80072EFD, WININET's "cannot connect": GetContentInfo or the download failed. */
    public static final int DOWNLOAD_FAILED = 0x80072EFD;
    /** 0x80091007 CRYPT_E_HASH_VALUE: the HMAC or the SHA-256 digest of the content is wrong. */
    public static final int HASH_MISMATCH = 0x80091007;
    /** 0x8007000D ERROR_INVALID_DATA: the package is not a usable archive (bad layout, escaping entry). */
    public static final int INVALID_CONTENT = 0x8007000D;
    /** 0x800705B4 ERROR_TIMEOUT: the installer ran past MaxRunTimeInMinutes and was killed. */
    public static final int INSTALLER_TIMEOUT = 0x800705B4;
    /** 0x80070002 ERROR_FILE_NOT_FOUND: the installer could not be started. */
    public static final int LAUNCH_FAILED = 0x80070002;

    private ErrorCodes() {
    }

    /** {@code 0x87D1041C}: how admins write codes. */
    public static String hex(int code) {
        return String.format("0x%08X", code);
    }
}
