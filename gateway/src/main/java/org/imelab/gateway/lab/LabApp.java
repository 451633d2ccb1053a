package org.imelab.gateway.lab;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.imelab.gateway.lab.graph.GraphWin32LobApp;
import org.imelab.gateway.protocol.win32.StartDeadlineEx;
import org.imelab.gateway.protocol.win32.Win32AppPolicy;

/**
 * One app of the lab file, ready to be served: its policy for Windows devices and for the others
 * (the lab file may override fields for non-Windows devices, whose installers and detection
 * differ), who it is assigned to, its relationships and its content.
 *
 * @param schedule an entry-level schedule overriding every assignment's, or null
 * @param esp whether {@code GetSelectedApp} (the Enrollment Status Page's list) includes it
 * @param faults the faults the lab file injects into the app ({@link LabFaults#NONE} for none)
 */
public record LabApp(String id, int version, String name, Source windows, Source nonWindows,
                     List<LabAssignment> assignments, List<GraphWin32LobApp.Relationship> relationships,
                     LabContent content, StartDeadlineEx schedule, boolean esp, LabFaults faults) {

    public LabApp {
        assignments = List.copyOf(assignments);
        relationships = List.copyOf(relationships);
        faults = faults == null ? LabFaults.NONE : faults;
    }

    /** The policy source for a device. */
    public Source sourceFor(boolean windowsDevice) {
        return windowsDevice ? windows : nonWindows;
    }

    /** How the lab file wrote the app. */
    public sealed interface Source {
        /**
         * The SideCar form, kept as written: served through the typed records when it parses, else
         * verbatim, so a deliberately malformed policy reaches the agent and exercises its rejection.
         */
        record SideCar(ObjectNode node) implements Source {
        }

        /** Converted from the Graph form. */
        record Converted(Win32AppPolicy template) implements Source {
        }
    }
}
