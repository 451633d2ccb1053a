package org.imelab.agent.win32app.rules;

/** What a registry rule checks ({@code DetectionType} inside a registry DetectionText, C §3.5). */
public enum RegistryDetectionType {
    NOT_CONFIGURED(0), EXISTS(1), DOES_NOT_EXIST(2), STRING(3), INTEGER(4), VERSION(5);

    private final int code;

    RegistryDetectionType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static RegistryDetectionType fromCode(int code) {
        for (RegistryDetectionType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown registry rule type " + code + " (expected 0-5)");
    }
}
