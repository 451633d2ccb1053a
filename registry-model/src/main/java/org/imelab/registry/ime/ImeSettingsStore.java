package org.imelab.registry.ime;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.imelab.registry.RegValue;
import org.imelab.registry.Registry;

/** {@code Settings}: the optional {@code Interval} (seconds) that overrides the 60-minute check-in. */
public final class ImeSettingsStore {
    private final Registry registry;
    private final ImeLayout layout;

    public ImeSettingsStore(Registry registry, ImeLayout layout) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.layout = Objects.requireNonNull(layout, "layout");
    }

    /** The override, or empty when absent, zero, negative or not a number (the default then applies). */
    public Optional<Duration> checkinInterval() {
        return RegValues.number(registry.get(layout.settings(), ImeLayout.INTERVAL))
                .filter(seconds -> seconds > 0)
                .map(Duration::ofSeconds);
    }

    /** Sets the override as a DWORD of whole seconds. */
    public void putCheckinInterval(Duration interval) {
        long seconds = interval.toSeconds();
        if (seconds <= 0 || seconds > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("A check-in interval is 1 second to 2^32-1 seconds, not " + interval);
        }
        registry.put(layout.settings(), ImeLayout.INTERVAL, RegValue.dword((int) seconds));
    }

    public boolean clearCheckinInterval() {
        return registry.deleteValue(layout.settings(), ImeLayout.INTERVAL);
    }
}
