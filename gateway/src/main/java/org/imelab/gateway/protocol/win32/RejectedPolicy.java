package org.imelab.gateway.protocol.win32;

/**
 * A policy of the array that could not be accepted, with why. The agent logs it and reports it;
 * the other policies of the same response are unaffected.
 *
 * @param index position in the "Get policies" array (0-based)
 * @param id the policy's {@code Id} if one could be read, else null
 * @param name its {@code Name} if one could be read, else null
 * @param reason one line for the log, naming the field
 * @param json the element as received (compact), for diagnostics
 */
public record RejectedPolicy(int index, String id, String name, String reason, String json) {
    @Override
    public String toString() {
        return "policy #" + index + (id == null ? "" : " " + id) + (name == null ? "" : " (" + name + ")")
                + " rejected: " + reason;
    }
}
