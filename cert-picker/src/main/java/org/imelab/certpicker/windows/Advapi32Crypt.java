package org.imelab.certpicker.windows;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.BaseTSD;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;

/** advapi32.dll: releasing a legacy CryptoAPI provider handle (not mapped by jna-platform). */
interface Advapi32Crypt extends StdCallLibrary {
    Advapi32Crypt INSTANCE = Native.load("advapi32", Advapi32Crypt.class, W32APIOptions.DEFAULT_OPTIONS);

    /** BOOL CryptReleaseContext(HCRYPTPROV hProv, DWORD dwFlags). */
    boolean CryptReleaseContext(BaseTSD.ULONG_PTR hProv, int dwFlags);
}
