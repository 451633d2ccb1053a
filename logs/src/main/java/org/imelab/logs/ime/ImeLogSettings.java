package org.imelab.logs.ime;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * How the IME log files are written.
 *
 * @param folder       the log folder ({@code C:\ProgramData\Microsoft\IntuneManagementExtension\Logs}
 *                     on Windows, under the data home elsewhere)
 * @param layout       the 2408+ split or the legacy single main log
 * @param maxSizeBytes {@code LogMaxSize}: a file is rolled over before it would grow past this
 * @param maxHistory   {@code LogMaxHistory}: rotated files kept per log
 * @param clock        rotation time stamps; its zone is also the local time of the records
 */
public record ImeLogSettings(Path folder, ImeLogLayout layout, long maxSizeBytes, int maxHistory, Clock clock) {

    /** {@code LogMaxSize} when the registry has none: 2 MB (Part A). */
    public static final long DEFAULT_MAX_SIZE_BYTES = 2L * 1024 * 1024;
    /** {@code LogMaxHistory} when the registry has none (Part A). */
    public static final int DEFAULT_MAX_HISTORY = 3;

    public ImeLogSettings {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(clock, "clock");
        if (maxSizeBytes <= 0) {
            throw new IllegalArgumentException("LogMaxSize must be positive, got " + maxSizeBytes);
        }
        if (maxHistory < 0) {
            throw new IllegalArgumentException("LogMaxHistory must not be negative, got " + maxHistory);
        }
    }

    /** The defaults: 2 MB, 3 rotated files. */
    public static ImeLogSettings defaults(Path folder, ImeLogLayout layout, Clock clock) {
        return new ImeLogSettings(folder, layout, DEFAULT_MAX_SIZE_BYTES, DEFAULT_MAX_HISTORY, clock);
    }

    /**
     * From the values under {@code HKLM\SOFTWARE\Microsoft\IntuneWindowsAgent\Logging} as read
     * by the caller: {@code null} (absent) or unusable (size not positive, history negative,
     * history beyond int) falls back to the default, since an admin's typo must not stop the
     * agent from logging.
     */
    public static ImeLogSettings fromRegistryValues(Path folder, ImeLogLayout layout, Long logMaxSize,
            Long logMaxHistory, Clock clock) {
        long size = logMaxSize != null && logMaxSize > 0 ? logMaxSize : DEFAULT_MAX_SIZE_BYTES;
        int history = logMaxHistory != null && logMaxHistory >= 0 && logMaxHistory <= Integer.MAX_VALUE
                ? logMaxHistory.intValue()
                : DEFAULT_MAX_HISTORY;
        return new ImeLogSettings(folder, layout, size, history, clock);
    }

    /** The active file of {@code file}'s base name in the folder. */
    public Path pathOf(ImeLogFile file) {
        return folder.resolve(file.fileName());
    }
}
