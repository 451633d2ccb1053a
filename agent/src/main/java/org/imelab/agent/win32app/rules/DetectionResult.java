package org.imelab.agent.win32app.rules;

import java.util.List;

/**
 * The outcome of an app's detection rules.
 *
 * @param state    detected when every rule detects the app; an error when a rule could not be
 *                 evaluated and none said "not detected"
 * @param outcomes one per rule evaluated, in policy order (evaluation stops at the first rule that
 *                 does not detect)
 */
public record DetectionResult(State state, List<RuleOutcome> outcomes) {

    public enum State { DETECTED, NOT_DETECTED, ERROR }

    public DetectionResult {
        outcomes = List.copyOf(outcomes);
    }

    public boolean detected() {
        return state == State.DETECTED;
    }
}
