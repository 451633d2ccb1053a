package org.imelab.gateway.lab;

import java.util.List;

/** A group of the lab file (Entra groups stand-in): members are device or user targets. */
public record LabGroup(String id, String displayName, List<LabTarget> members) {
    public LabGroup {
        members = List.copyOf(members);
    }
}
