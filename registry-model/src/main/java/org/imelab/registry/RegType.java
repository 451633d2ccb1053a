package org.imelab.registry;

/** Registry value types with their Win32 type codes (winnt.h). */
public enum RegType {
    REG_NONE(0),
    REG_SZ(1),
    REG_EXPAND_SZ(2),
    REG_BINARY(3),
    REG_DWORD(4),
    REG_DWORD_BIG_ENDIAN(5),
    REG_LINK(6),
    REG_MULTI_SZ(7),
    REG_RESOURCE_LIST(8),
    REG_FULL_RESOURCE_DESCRIPTOR(9),
    REG_RESOURCE_REQUIREMENTS_LIST(10),
    REG_QWORD(11);

    private final int code;

    RegType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static RegType ofCode(int code) {
        for (RegType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown registry value type code: " + code);
    }

    /** Parses {@code REG_SZ}, {@code reg_dword}, ... as reg.exe's /t accepts them. */
    public static RegType parse(String name) {
        return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
