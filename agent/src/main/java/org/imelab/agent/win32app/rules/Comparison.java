package org.imelab.agent.win32app.rules;

import java.util.Locale;
import org.imelab.gateway.protocol.win32.Operator;

/** What a rule {@link Operator} means for a {@code compareTo} result (actual compared with expected). */
final class Comparison {
    private Comparison() {
    }

    static boolean test(Operator op, int comparison) {
        return switch (op) {
            case EQUAL -> comparison == 0;
            case NOT_EQUAL -> comparison != 0;
            case GREATER_THAN -> comparison > 0;
            case GREATER_THAN_OR_EQUAL -> comparison >= 0;
            case LESS_THAN -> comparison < 0;
            case LESS_THAN_OR_EQUAL -> comparison <= 0;
            case NOT_CONFIGURED -> throw new IllegalStateException("No operator configured for a comparison");
        };
    }

    static String words(Operator op) {
        return op.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
