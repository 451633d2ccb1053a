package org.imelab.agent.win32app.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.imelab.agent.win32app.lifecycle.AppFacts.GrsStatus;
import org.imelab.agent.win32app.lifecycle.AppFacts.Role;
import org.imelab.agent.win32app.lifecycle.AppFacts.ScheduleWindow;
import org.imelab.registry.ime.Intent;
import org.junit.jupiter.params.provider.Arguments;

/** The lifecycle's transition table as its tests write it: the facts rows start from, a row, and its check. */
final class TransitionTable {
    private TransitionTable() {
    }

    /** A required install, outside any schedule and GRS, with 3 retries 5 minutes apart. */
    static AppFacts required() {
        return new AppFacts(Intent.RequiredInstall, false, ScheduleWindow.UNSCHEDULED, GrsStatus.NO_VALUE,
                0, 3, Duration.ofMinutes(5), false, Optional.empty());
    }

    static AppFacts with(Intent intent) {
        AppFacts f = required();
        return new AppFacts(intent, f.availableRequested(), f.window(), f.grs(), 0, 3, f.retryInterval(), false,
                Optional.empty());
    }

    /** A related app (dependency or superseded), not targeted itself. */
    static AppFacts relative(Role role) {
        return with(Intent.NotTargeted).withRole(role);
    }

    static Arguments row(AppState from, AppEvent event, AppFacts facts, AppState to, AppEffect... effects) {
        return Arguments.of(from, event, facts, to, List.of(effects));
    }

    /** The row holds: the lifecycle goes from {@code from} on {@code event} to {@code to} with these effects. */
    static void assertTransition(AppState from, AppEvent event, AppFacts facts, AppState to, List<AppEffect> effects) {
        Transition t = Win32AppLifecycle.next(from, event, facts);
        assertEquals(to, t.to());
        assertEquals(effects, t.effects());
    }
}
