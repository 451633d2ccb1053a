package org.imelab.registry.ime;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.imelab.registry.RegOp;
import org.imelab.registry.RegValue;
import org.imelab.registry.Registry;

/**
 * {@code HKLM\SOFTWARE\Microsoft\IntuneWindowsAgent\Logging}: {@code LogMaxSize} (bytes) and
 * {@code LogMaxHistory}. Admins set them as DWORDs or as strings; each value that is absent or
 * makes no sense falls back to its default alone.
 */
public final class AgentLoggingStore {
    private final Registry registry;
    private final ImeLayout layout;

    public AgentLoggingStore(Registry registry, ImeLayout layout) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.layout = Objects.requireNonNull(layout, "layout");
    }

    public LogLimits read() {
        long size = RegValues.number(registry.get(layout.logging(), ImeLayout.LOG_MAX_SIZE))
                .filter(n -> n > 0)
                .orElse(LogLimits.DEFAULT_LOG_MAX_SIZE);
        Optional<Long> history = RegValues.number(registry.get(layout.logging(), ImeLayout.LOG_MAX_HISTORY))
                .filter(n -> n >= 0 && n <= Integer.MAX_VALUE);
        return new LogLimits(size, history.map(Long::intValue).orElse(LogLimits.DEFAULT_LOG_MAX_HISTORY));
    }

    /** Writes both values as DWORDs (QWORD when the size needs it). */
    public void write(LogLimits limits) {
        RegValue size = limits.logMaxSize() <= 0xFFFF_FFFFL
                ? RegValue.dword((int) limits.logMaxSize())
                : RegValue.qword(limits.logMaxSize());
        registry.apply(List.of(
                new RegOp.Put(layout.logging(), ImeLayout.LOG_MAX_SIZE, size),
                new RegOp.Put(layout.logging(), ImeLayout.LOG_MAX_HISTORY, RegValue.dword(limits.logMaxHistory()))));
    }
}
