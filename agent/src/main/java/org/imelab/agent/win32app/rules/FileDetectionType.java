package org.imelab.agent.win32app.rules;

/** What a file rule checks ({@code DetectionType} inside a file DetectionText, C §3.5). */
public enum FileDetectionType {
    NOT_CONFIGURED(0), EXISTS(1), DATE_MODIFIED(2), DATE_CREATED(3), VERSION(4), SIZE_IN_MB(5), DOES_NOT_EXIST(6);

    private final int code;

    FileDetectionType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static FileDetectionType fromCode(int code) {
        for (FileDetectionType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown file rule type " + code + " (expected 0-6)");
    }
}
