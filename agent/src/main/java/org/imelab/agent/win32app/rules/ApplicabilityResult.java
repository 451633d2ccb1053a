package org.imelab.agent.win32app.rules;

import org.imelab.registry.ime.Applicability;

/**
 * The outcome of an app's requirements: the first requirement not met decides the code.
 *
 * @param applicability {@link Applicability#Applicable} or the failing requirement's code
 * @param detail        what was compared, for the log and the lab's app view
 */
public record ApplicabilityResult(Applicability applicability, String detail) {

    public boolean applicable() {
        return applicability == Applicability.Applicable;
    }
}
