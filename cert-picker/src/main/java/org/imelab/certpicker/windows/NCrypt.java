package org.imelab.certpicker.windows;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.BaseTSD;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;

/** ncrypt.dll: only what releasing a probed CNG key handle needs. */
interface NCrypt extends StdCallLibrary {
    NCrypt INSTANCE = Native.load("ncrypt", NCrypt.class, W32APIOptions.DEFAULT_OPTIONS);

    /** SECURITY_STATUS NCryptFreeObject(NCRYPT_HANDLE); 0 (ERROR_SUCCESS) on success. */
    int NCryptFreeObject(BaseTSD.ULONG_PTR hObject);
}
