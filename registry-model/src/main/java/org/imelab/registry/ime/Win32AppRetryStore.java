package org.imelab.registry.ime;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.imelab.registry.RegOp;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.Registry;

/**
 * Retry counters and due times per app key, under imelab's own key
 * ({@code {labRoot}\Win32Apps\{scope}\{appId}_{version}}: {@code RetryCount}, {@code NextRetryTimeUtc}),
 * because no public source shows where the real agent keeps them.
 */
public final class Win32AppRetryStore {
    private final Registry registry;
    private final ImeLayout layout;

    public Win32AppRetryStore(Registry registry, ImeLayout layout) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.layout = Objects.requireNonNull(layout, "layout");
    }

    /** The pending retry state, or empty when none is recorded (or it is unreadable). */
    public Optional<RetryState> read(Scope scope, Win32AppKey app) {
        RegPath key = layout.labApp(scope, app);
        Optional<Long> count = RegValues.number(registry.get(key, ImeLayout.RETRY_COUNT));
        Optional<Instant> due = RegValues.time(registry.get(key, ImeLayout.NEXT_RETRY_TIME_UTC));
        if (count.isEmpty() || due.isEmpty() || count.get() > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        return Optional.of(new RetryState(count.get().intValue(), due.get()));
    }

    public void write(Scope scope, Win32AppKey app, RetryState state) {
        RegPath key = layout.labApp(scope, app);
        registry.apply(List.of(
                new RegOp.Put(key, ImeLayout.RETRY_COUNT, RegValue.dword(state.retryCount())),
                new RegOp.Put(key, ImeLayout.NEXT_RETRY_TIME_UTC, RegValue.sz(ImeTime.format(state.nextRetryTimeUtc())))));
    }

    /** Forgets the retry state (enforcement finished, or the app was reset); false when there was none. */
    public boolean clear(Scope scope, Win32AppKey app) {
        return registry.deleteTree(layout.labApp(scope, app));
    }
}
