package org.imelab.agent.ipc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The daemon's one-line answer (JSON on the wire).
 *
 * @param details ordered name/value pairs, e.g. the lines of {@code imelab status}
 */
public record IpcResponse(boolean ok, String message, Map<String, String> details) {

    public IpcResponse {
        Objects.requireNonNull(message, "message");
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static IpcResponse ok(String message) {
        return new IpcResponse(true, message, Map.of());
    }

    public static IpcResponse refused(String message) {
        return new IpcResponse(false, message, Map.of());
    }
}
