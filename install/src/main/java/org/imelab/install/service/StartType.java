package org.imelab.install.service;

/** How a service starts, with the SCM's dwStartType codes. */
public enum StartType {
    BOOT(0), SYSTEM(1), AUTO(2), DEMAND(3), DISABLED(4);

    private final int code;

    StartType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static StartType ofCode(int code) {
        for (StartType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown service start type " + code);
    }
}
