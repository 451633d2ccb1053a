package org.imelab.agent.logging;

/**
 * The values under {@code HKLM\SOFTWARE\Microsoft\IntuneWindowsAgent\Logging} that shape the IME
 * log files, as the registry holds them (null when absent).
 *
 * <p>Seam: the typed IME registry layout ({@code org.imelab.registry.ime}, which alone spells
 * that key and its value names) reads them; until it is wired, the daemon passes
 * {@link #absent()} and the defaults apply (2 MB, 3 files).
 *
 * @param logMaxSize    {@code LogMaxSize}, bytes
 * @param logMaxHistory {@code LogMaxHistory}, rotated files kept
 */
public record LoggingValues(Long logMaxSize, Long logMaxHistory) {

    public static LoggingValues absent() {
        return new LoggingValues(null, null);
    }
}
