package org.imelab.gateway.lab;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.imelab.gateway.lab.graph.GraphWin32LobApp;
import org.imelab.gateway.protocol.win32.Win32AppPolicyValidator;

/** The relations (dependencies, supersedence) a SideCar-form lab app declares in its FlatDependencies. */
final class SideCarRelations {
    private SideCarRelations() {
    }

    /**
     * The app's own relations in its SideCar {@code FlatDependencies}: the entries whose AppId is the
     * app name the relatives the lab serves with it, so their ChildId and Action must be usable (a
     * GUID; an integer: 0 detect, 10 install, 100 update, 110 replace). Any other integer Action is
     * served as written, for labs that test the agent's refusal of an unknown relation.
     */
    static List<GraphWin32LobApp.Relationship> of(JsonNode deps, String appId, String at)
            throws LabDefinitionException {
        List<GraphWin32LobApp.Relationship> out = new ArrayList<>();
        if (deps == null || !deps.isArray()) {
            return out;
        }
        for (int i = 0; i < deps.size(); i++) {
            JsonNode d = deps.get(i);
            if (!d.isObject() || !appId.equalsIgnoreCase(d.path("AppId").asText())) {
                continue;
            }
            String itemAt = at + "[" + i + "]";
            if (!Win32AppPolicyValidator.isGuid(d.path("ChildId").asText(null))) {
                throw new LabDefinitionException(itemAt + ".ChildId", "must be the GUID of the related app");
            }
            JsonNode action = d.get("Action");
            if (action == null || !action.isIntegralNumber() || !action.canConvertToInt()) {
                throw new LabDefinitionException(itemAt + ".Action", "must be an integer: 0 (dependency, detect only), "
                        + "10 (dependency, install), 100 (supersedence, update) or 110 (supersedence, replace)");
            }
            out.add(new GraphWin32LobApp.Relationship(d.get("ChildId").asText().toLowerCase(Locale.ROOT),
                    action.intValue()));
        }
        return out;
    }
}
