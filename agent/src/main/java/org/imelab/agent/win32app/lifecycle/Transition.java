package org.imelab.agent.win32app.lifecycle;

import java.util.List;

/** The next state and the effects to carry out, in order. */
public record Transition(AppState to, List<AppEffect> effects) {
    public Transition {
        effects = List.copyOf(effects);
    }

    static Transition to(AppState to, AppEffect... effects) {
        return new Transition(to, List.of(effects));
    }
}
