package org.imelab.registry.windows;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.WinReg.HKEY;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;

/**
 * The two Advapi32 functions jna-platform's {@code Advapi32} interface lacks. {@code RegDeleteKeyExW}
 * is needed because {@code RegDeleteKey} cannot name a registry view (a 32-bit JVM would delete
 * in the redirected view); {@code RegDeleteTreeW} deletes a key's contents in one call.
 */
interface Advapi32Extra extends StdCallLibrary {

    /** Loaded lazily: only {@link JnaRegistry} on Windows ever touches this. */
    static Advapi32Extra load() {
        return Native.load("Advapi32", Advapi32Extra.class, W32APIOptions.UNICODE_OPTIONS);
    }

    /** RegDeleteKeyExW(hKey, lpSubKey, samDesired, Reserved): samDesired carries the view. */
    int RegDeleteKeyEx(HKEY hKey, String lpSubKey, int samDesired, int reserved);

    /** RegDeleteTreeW(hKey, lpSubKey): with a null subkey, deletes the key's values and subkeys. */
    int RegDeleteTree(HKEY hKey, String lpSubKey);
}
