package org.imelab.registry.windows;

import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinReg;
import com.sun.jna.platform.win32.WinReg.HKEY;
import com.sun.jna.platform.win32.WinReg.HKEYByReference;
import com.sun.jna.ptr.IntByReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.imelab.registry.RegOp;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.Registry;
import org.imelab.registry.RegistryException;
import org.imelab.registry.RegistryView;

/**
 * The real Windows registry through Advapi32. Every key is opened in the view its {@link RegPath}
 * names ({@code KEY_WOW64_64KEY} unless {@link RegistryView#VIEW_32}), every return code is
 * checked, and values travel as their raw bytes so every type, REG_NONE with data and unnamed type
 * codes included, round-trips unchanged.
 *
 * <p>Only this package touches Advapi32, and nothing loads it before the constructor has checked
 * that it runs on Windows: the class compiles everywhere but is only ever instantiated there.
 *
 * <p>Durability: a value set here is in the kernel's registry when the call returns, so killing
 * imelab loses nothing; flushing the hive to disk is left to Windows (as the real agent does).
 */
public final class JnaRegistry implements Registry {
    /** Value names may be up to 16,383 characters (winreg limits). */
    private static final int MAX_VALUE_NAME = 16_383;
    /** Key names may be up to 255 characters. */
    private static final int MAX_KEY_NAME = 255;
    /** Keys may nest at most 512 levels. */
    private static final int MAX_DEPTH = 512;
    /** Re-reads of a key whose values grew while we enumerated it. */
    private static final int ENUM_ATTEMPTS = 5;

    private final Advapi32 api;
    private final Advapi32Extra extra;

    public JnaRegistry() {
        if (!isWindows()) {
            throw new RegistryException("The Windows registry backend needs Windows (this is "
                    + System.getProperty("os.name") + "); use the file registry here");
        }
        this.api = Advapi32.INSTANCE;
        this.extra = Advapi32Extra.load();
    }

    /** True when this JVM runs on Windows, checked without touching any native library. */
    public static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    @Override
    public Optional<RegValue> get(RegPath key, String name) {
        try (Key k = open(key, WinNT.KEY_QUERY_VALUE)) {
            return k == null ? Optional.empty() : query(k, name);
        }
    }

    @Override
    public Map<String, RegValue> values(RegPath key) {
        try (Key k = open(key, WinNT.KEY_QUERY_VALUE)) {
            if (k == null) {
                return Map.of();
            }
            for (int attempt = 0; attempt < ENUM_ATTEMPTS; attempt++) {
                Map<String, RegValue> out = enumValues(k);
                if (out != null) {
                    return out;
                }
            }
            throw new RegistryException("Values of " + key + " kept changing while being read",
                    WinError.ERROR_MORE_DATA, null);
        }
    }

    @Override
    public List<String> subKeys(RegPath key) {
        try (Key k = open(key, WinNT.KEY_ENUMERATE_SUB_KEYS)) {
            if (k == null) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            char[] name = new char[MAX_KEY_NAME + 1];
            for (int i = 0; ; i++) {
                IntByReference len = new IntByReference(name.length);
                int rc = api.RegEnumKeyEx(k.handle, i, name, len, null, null, null, null);
                if (rc == WinError.ERROR_NO_MORE_ITEMS) {
                    return out;
                }
                check(rc, "RegEnumKeyEx", key);
                out.add(new String(name, 0, len.getValue()));
            }
        }
    }

    @Override
    public boolean exists(RegPath key) {
        try (Key k = open(key, WinNT.KEY_QUERY_VALUE)) {
            return k != null;
        }
    }

    @Override
    public void createKey(RegPath key) {
        if (key.isRoot()) {
            return; // the predefined keys always exist
        }
        create(key, WinNT.KEY_QUERY_VALUE).close(); // created or already there: nothing more to do
    }

    @Override
    public void put(RegPath key, String name, RegValue value) {
        validate(new RegOp.Put(key, name, value));
        try (Key k = key.isRoot() ? open(key, WinNT.KEY_SET_VALUE) : create(key, WinNT.KEY_SET_VALUE)) {
            byte[] data = value.data();
            // Advapi32 wants a buffer even for empty data; cbData = 0 stores nothing.
            byte[] buffer = data.length == 0 ? new byte[1] : data;
            int rc = api.RegSetValueEx(k.handle, name, 0, value.typeCode(), buffer, data.length);
            check(rc, "RegSetValueEx '" + name + "'", key);
        }
    }

    @Override
    public boolean deleteValue(RegPath key, String name) {
        try (Key k = open(key, WinNT.KEY_SET_VALUE)) {
            if (k == null) {
                return false;
            }
            int rc = api.RegDeleteValue(k.handle, name);
            if (rc == WinError.ERROR_FILE_NOT_FOUND) {
                return false;
            }
            check(rc, "RegDeleteValue '" + name + "'", key);
            return true;
        }
    }

    @Override
    public boolean deleteTree(RegPath key) {
        validate(new RegOp.DeleteTree(key));
        // RegDeleteTree empties the key through a handle opened in the right view; the key itself
        // then goes with RegDeleteKeyEx, the only delete call that takes the view.
        try (Key k = open(key, WinNT.DELETE | WinNT.KEY_ENUMERATE_SUB_KEYS | WinNT.KEY_QUERY_VALUE
                | WinNT.KEY_SET_VALUE)) {
            if (k == null) {
                return false;
            }
            check(extra.RegDeleteTree(k.handle, null), "RegDeleteTree", key);
        }
        int rc = extra.RegDeleteKeyEx(hive(key), subPath(key), view(key), 0);
        if (rc != WinError.ERROR_FILE_NOT_FOUND) { // gone already: someone else finished the job
            check(rc, "RegDeleteKeyEx", key);
        }
        return true;
    }

    /**
     * Validates every change first, then makes them one by one in order. Not transactional: the
     * Win32 registry has no cheap transactions, so a call that fails half-way (access denied, a
     * key deleted by someone else) leaves the earlier changes made.
     */
    @Override
    public void apply(List<RegOp> ops) {
        for (RegOp op : ops) {
            validate(op);
        }
        for (RegOp op : ops) {
            switch (op) {
                case RegOp.CreateKey c -> createKey(c.key());
                case RegOp.Put p -> put(p.key(), p.name(), p.value());
                case RegOp.DeleteValue d -> deleteValue(d.key(), d.name());
                case RegOp.DeleteTree t -> deleteTree(t.key());
            }
        }
    }

    /** The limits Windows enforces, checked before any write so a bad batch changes nothing. */
    static void validate(RegOp op) {
        RegPath key = op.key();
        if (key.segments().size() > MAX_DEPTH) {
            throw new RegistryException("Key nested deeper than " + MAX_DEPTH + " levels: " + key,
                    WinError.ERROR_INVALID_PARAMETER, null);
        }
        switch (op) {
            case RegOp.DeleteTree t when t.key().isRoot() -> throw new RegistryException(
                    "Refusing to delete a hive root: " + key, WinError.ERROR_ACCESS_DENIED, null);
            case RegOp.Put p when p.name().length() > MAX_VALUE_NAME -> throw new RegistryException(
                    "Value name longer than " + MAX_VALUE_NAME + " characters under " + key,
                    WinError.ERROR_INVALID_PARAMETER, null);
            default -> {
            }
        }
    }

    private Optional<RegValue> query(Key k, String name) {
        IntByReference type = new IntByReference();
        IntByReference size = new IntByReference();
        int rc = api.RegQueryValueEx(k.handle, name, 0, type, (byte[]) null, size);
        // The value may grow between the size query and the read: ERROR_MORE_DATA leaves the new
        // size in 'size', so read again until it fits.
        while (rc == WinError.ERROR_SUCCESS || rc == WinError.ERROR_MORE_DATA) {
            byte[] buffer = new byte[Math.max(1, size.getValue())];
            size.setValue(buffer.length);
            rc = api.RegQueryValueEx(k.handle, name, 0, type, buffer, size);
            if (rc == WinError.ERROR_SUCCESS) {
                return Optional.of(RegValue.fromData(type.getValue(), Arrays.copyOf(buffer, size.getValue())));
            }
        }
        if (rc == WinError.ERROR_FILE_NOT_FOUND) {
            return Optional.empty();
        }
        check(rc, "RegQueryValueEx '" + name + "'", k.path);
        throw new AssertionError("unreachable");
    }

    /** All values, or null when the key changed under us and must be read again. */
    private Map<String, RegValue> enumValues(Key k) {
        IntByReference maxName = new IntByReference();
        IntByReference maxData = new IntByReference();
        int rc = api.RegQueryInfoKey(k.handle, null, null, null, null, null, null, null,
                maxName, maxData, null, null);
        check(rc, "RegQueryInfoKey", k.path);
        char[] name = new char[maxName.getValue() + 1];
        byte[] data = new byte[Math.max(1, maxData.getValue())];
        Map<String, RegValue> out = new LinkedHashMap<>();
        for (int i = 0; ; i++) {
            IntByReference nameLen = new IntByReference(name.length);
            IntByReference type = new IntByReference();
            IntByReference dataLen = new IntByReference(data.length);
            rc = api.RegEnumValue(k.handle, i, name, nameLen, null, type, data, dataLen);
            if (rc == WinError.ERROR_NO_MORE_ITEMS) {
                return out;
            }
            if (rc == WinError.ERROR_MORE_DATA) {
                return null;
            }
            check(rc, "RegEnumValue", k.path);
            out.put(new String(name, 0, nameLen.getValue()),
                    RegValue.fromData(type.getValue(), Arrays.copyOf(data, dataLen.getValue())));
        }
    }

    /** Opens a key, or returns null when it does not exist. */
    private Key open(RegPath path, int access) {
        HKEYByReference ref = new HKEYByReference();
        int rc = api.RegOpenKeyEx(hive(path), subPath(path), 0, access | view(path), ref);
        if (rc == WinError.ERROR_FILE_NOT_FOUND) {
            return null;
        }
        check(rc, "RegOpenKeyEx", path);
        return new Key(ref.getValue(), path);
    }

    /** Opens a key, creating it and its missing parents. */
    private Key create(RegPath path, int access) {
        HKEYByReference ref = new HKEYByReference();
        IntByReference disposition = new IntByReference();
        int rc = api.RegCreateKeyEx(hive(path), subPath(path), 0, null, WinNT.REG_OPTION_NON_VOLATILE,
                access | view(path), null, ref, disposition);
        check(rc, "RegCreateKeyEx", path);
        return new Key(ref.getValue(), path);
    }

    private static HKEY hive(RegPath path) {
        return switch (path.hive()) {
            case HKEY_LOCAL_MACHINE -> WinReg.HKEY_LOCAL_MACHINE;
            case HKEY_CURRENT_USER -> WinReg.HKEY_CURRENT_USER;
            case HKEY_CLASSES_ROOT -> WinReg.HKEY_CLASSES_ROOT;
            case HKEY_USERS -> WinReg.HKEY_USERS;
        };
    }

    private static String subPath(RegPath path) {
        return String.join("\\", path.segments());
    }

    static int view(RegPath path) {
        return path.view() == RegistryView.VIEW_32 ? WinNT.KEY_WOW64_32KEY : WinNT.KEY_WOW64_64KEY;
    }

    private static void check(int rc, String call, RegPath path) {
        if (rc != WinError.ERROR_SUCCESS) {
            throw new RegistryException(call + " failed for " + path
                    + (path.view() == RegistryView.VIEW_32 ? " (32-bit view)" : ""), rc, null);
        }
    }

    /** An open key handle, closed (and its close checked) when the block ends. */
    private final class Key implements AutoCloseable {
        final HKEY handle;
        final RegPath path;

        Key(HKEY handle, RegPath path) {
            this.handle = handle;
            this.path = path;
        }

        @Override
        public void close() {
            check(api.RegCloseKey(handle), "RegCloseKey", path);
        }
    }
}
