package org.imelab.registry.ime;

/**
 * When the IME's log files roll over: at {@code LogMaxSize} bytes, keeping {@code LogMaxHistory}
 * old files (defaults 2 MB and 3).
 */
public record LogLimits(long logMaxSize, int logMaxHistory) {
    public static final long DEFAULT_LOG_MAX_SIZE = 2L * 1024 * 1024;
    public static final int DEFAULT_LOG_MAX_HISTORY = 3;
    public static final LogLimits DEFAULTS = new LogLimits(DEFAULT_LOG_MAX_SIZE, DEFAULT_LOG_MAX_HISTORY);

    public LogLimits {
        if (logMaxSize <= 0) {
            throw new IllegalArgumentException("LogMaxSize must be positive: " + logMaxSize);
        }
        if (logMaxHistory < 0) {
            throw new IllegalArgumentException("LogMaxHistory must not be negative: " + logMaxHistory);
        }
    }
}
