package org.imelab.registry.ime;

import java.util.Optional;

/**
 * An IME enumeration with its numeric code as it appears in the state messages, reports and
 * policies. The constants carry the IME's own names (ime-behaviour.md C §1.2), so {@code name()}
 * is the wording the agent logs ("Applicability: Applicable, Status: Installed").
 */
public interface ImeCode {

    int code();

    /** The constant with this code, or empty for a code this table does not know. */
    static <E extends Enum<E> & ImeCode> Optional<E> find(Class<E> type, int code) {
        for (E e : type.getEnumConstants()) {
            if (e.code() == code) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The constant with this code, or an exception naming the table and the code. */
    static <E extends Enum<E> & ImeCode> E require(Class<E> type, int code) {
        return find(type, code).orElseThrow(() -> new IllegalArgumentException(
                "Unknown " + type.getSimpleName() + " code " + code));
    }
}
