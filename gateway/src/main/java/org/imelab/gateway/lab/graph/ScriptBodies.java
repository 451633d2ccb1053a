package org.imelab.gateway.lab.graph;

import com.fasterxml.jackson.databind.JsonNode;
import org.imelab.gateway.lab.LabDefinitionException;

/** Resolves a script rule's Base64 body: Graph's {@code scriptContent}, or the lab's {@code scriptFile}. */
@FunctionalInterface
public interface ScriptBodies {
    String base64(JsonNode rule, String at) throws LabDefinitionException;
}
