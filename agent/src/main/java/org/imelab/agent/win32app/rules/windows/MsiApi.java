package org.imelab.agent.win32app.rules.windows;

import com.sun.jna.Native;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;

/**
 * The msi.dll functions product detection needs (jna-platform's {@code Msi} lacks them). Each
 * returns a Win32 error code or an INSTALLSTATE value; none sets GetLastError.
 */
interface MsiApi extends StdCallLibrary {
    int INSTALLSTATE_INVALIDARG = -2;
    int INSTALLSTATE_UNKNOWN = -1;
    int INSTALLSTATE_ADVERTISED = 1;
    int INSTALLSTATE_ABSENT = 2;
    int INSTALLSTATE_DEFAULT = 5;

    int ERROR_SUCCESS = 0;
    int ERROR_INVALID_PARAMETER = 87;
    int ERROR_MORE_DATA = 234;
    int ERROR_NO_MORE_ITEMS = 259;
    int ERROR_UNKNOWN_PRODUCT = 1605;
    int ERROR_UNKNOWN_PROPERTY = 1608;
    int ERROR_BAD_CONFIGURATION = 1610;

    /** A product code's length in characters: a braced GUID; buffers need one more for the NUL. */
    int GUID_CHARS = 38;

    /** Loaded lazily: only the Windows implementation touches it. */
    static MsiApi load() {
        return Native.load("msi", MsiApi.class, W32APIOptions.UNICODE_OPTIONS);
    }

    /** INSTALLSTATE MsiQueryProductStateW(LPCWSTR szProduct). */
    int MsiQueryProductStateW(String product);

    /**
     * UINT MsiGetProductInfoW(szProduct, szAttribute, lpValueBuf, pcchValueBuf): on input the
     * buffer's size in characters with room for the NUL; on ERROR_MORE_DATA the length needed
     * without it.
     */
    int MsiGetProductInfoW(String product, String attribute, char[] value, IntByReference valueChars);

    /** UINT MsiEnumProductsW(iProductIndex, lpProductBuf): the buffer holds 39 characters. */
    int MsiEnumProductsW(int index, char[] product);
}
