package org.imelab.gateway.lab.graph;

import java.util.List;
import org.imelab.gateway.lab.LabAssignment;
import org.imelab.gateway.protocol.win32.Win32AppPolicy;

/**
 * A Graph {@code win32LobApp} converted: the policy as the SideCar service would send it for a
 * required device assignment (intent and targeting are set per device by the lab), the app's
 * assignments, and its relationships (dependencies and supersedence).
 */
public record GraphWin32LobApp(Win32AppPolicy template, List<LabAssignment> assignments,
                               List<Relationship> relationships) {

    /** One edge to another app: {@code action} is a {@code FlatDependencies} Action (0, 10, 100, 110). */
    public record Relationship(String childId, int action) {
    }
}
