package org.imelab.logs.cmtrace;

/** The {@code type} attribute of a CMTrace record (1 information, 2 warning, 3 error). */
public enum CmTraceType {
    INFORMATION('I'),
    WARNING('W'),
    ERROR('E'),
    /** Missing or not one of 1, 2, 3 (some writers use 0 or leave it empty). */
    OTHER('?');

    private final char marker;

    CmTraceType(char marker) {
        this.marker = marker;
    }

    /** One letter for terminal output: I, W, E or ?. */
    public char marker() {
        return marker;
    }

    public static CmTraceType of(String type) {
        return switch (type.trim()) {
            case "1" -> INFORMATION;
            case "2" -> WARNING;
            case "3" -> ERROR;
            default -> OTHER;
        };
    }

    /** Accepts 1/2/3 or a name: {@code info}, {@code information}, {@code warn}, {@code warning}, {@code error}. */
    public static CmTraceType parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "1", "i", "info", "information" -> INFORMATION;
            case "2", "w", "warn", "warning" -> WARNING;
            case "3", "e", "error" -> ERROR;
            default -> throw new IllegalArgumentException(
                    "Unknown CMTrace type '" + text + "' (expected 1|2|3 or info|warning|error)");
        };
    }
}
