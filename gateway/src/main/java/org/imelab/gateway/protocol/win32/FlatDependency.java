package org.imelab.gateway.protocol.win32;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Optional;

/**
 * One edge of {@code FlatDependencies} (a real array inside the policy):
 * {@code {"Action":10,"AppId":"<parent>","ChildId":"<child>","Type":0,"Level":0}} (C §3.5,
 * [C] [IMEINTERP]). {@code Type} and {@code Level} are echoed; their meaning is not public.
 */
@JsonPropertyOrder({"Action", "AppId", "ChildId", "Type", "Level"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record FlatDependency(
        @JsonProperty(value = "Action", required = true) int action,
        @JsonProperty("AppId") String appId,
        @JsonProperty("ChildId") String childId,
        @JsonProperty("Type") Integer type,
        @JsonProperty("Level") Integer level) {

    public Optional<DependencyAction> actionKind() {
        return DependencyAction.of(action);
    }
}
