package org.imelab.logs.ime;

import java.util.Locale;

/**
 * Which file and component each {@code ime.<Base>} logger writes to.
 *
 * <p>{@link #DEFAULT}: the 2408+ split, every logger to its own file with its own component.
 * {@link #LEGACY}: as agents before 2408 (the AppWorkload split arrived around 2024-08-29, C §2.1),
 * the Win32 app lines ({@code ime.AppWorkload}) go to {@code IntuneManagementExtension.log} with
 * component {@code IntuneManagementExtension}.
 */
public enum ImeLogLayout {
    DEFAULT,
    LEGACY;

    /** The file the lines of {@code source}'s logger land in. */
    public ImeLogFile target(ImeLogFile source) {
        if (this == LEGACY && source == ImeLogFile.APP_WORKLOAD) {
            return ImeLogFile.INTUNE_MANAGEMENT_EXTENSION;
        }
        return source;
    }

    /** The component of {@code source}'s lines: that of the file they land in. */
    public String component(ImeLogFile source) {
        return target(source).baseName();
    }

    /** {@code default} or {@code legacy}, any case. */
    public static ImeLogLayout parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "default" -> DEFAULT;
            case "legacy" -> LEGACY;
            default -> throw new IllegalArgumentException("Unknown log layout '" + text + "' (expected default|legacy)");
        };
    }
}
