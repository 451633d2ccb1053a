package org.imelab.agent.win32app.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imelab.agent.win32app.lifecycle.AppState;

/**
 * What one check-in did to a scope's apps, counted as the subgraphs are processed: the apps it
 * worked on (their state changed or their installer ran) with the state they ended in, how many it
 * left as they were, and the device restarts they ask for.
 */
final class CheckinTally {
    private final Map<String, AppState> changed = new LinkedHashMap<>();
    private final List<DeviceRestartRequests.Ask> restarts = new ArrayList<>();
    private int unchanged;

    /** An app the pass worked on; its state is {@code state} now. */
    void changed(String appId, AppState state) {
        changed.put(appId, state);
    }

    /** Apps the pass left as they were. */
    void unchanged(int apps) {
        unchanged += apps;
    }

    /** A second look changed an app's state after it was counted: it counts as changed, once. */
    void amended(String appId, AppState state) {
        if (changed.put(appId, state) == null) {
            unchanged--;
        }
    }

    void restart(DeviceRestartRequests.Ask ask) {
        restarts.add(ask);
    }

    V3Processor.Summary summary() {
        // in the order the apps were processed, so the console line lists states as they came
        return new V3Processor.Summary(Collections.unmodifiableMap(new LinkedHashMap<>(changed)), unchanged,
                List.copyOf(restarts));
    }
}
