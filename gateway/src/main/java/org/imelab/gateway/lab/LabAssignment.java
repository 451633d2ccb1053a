package org.imelab.gateway.lab;

import org.imelab.gateway.protocol.win32.Intent;
import org.imelab.gateway.protocol.win32.RebootEx;
import org.imelab.gateway.protocol.win32.StartDeadlineEx;

/**
 * One assignment of a lab app: a target with an intent and the settings Graph attaches to it.
 *
 * @param intent null for SideCar-form apps, whose policy carries its own Intent
 * @param exclude an exclusion (Graph {@code exclusionGroupAssignmentTarget})
 * @param startDeadline null when the assignment is not scheduled
 * @param reboot null for the policy's own
 * @param toastState null for the policy's own
 * @param doPriority null for the policy's own
 */
public record LabAssignment(Intent intent, LabTarget target, boolean exclude, StartDeadlineEx startDeadline,
                            RebootEx reboot, Integer toastState, Integer doPriority) {

    public static LabAssignment include(LabTarget target) {
        return new LabAssignment(null, target, false, null, null, null, null);
    }
}
