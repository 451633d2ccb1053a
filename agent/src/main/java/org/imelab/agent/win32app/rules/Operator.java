package org.imelab.agent.win32app.rules;

/**
 * The comparison of a detection or requirement rule, with the codes the policy JSON uses
 * ({@code Operator} in DetectionText, C §3.5): 0 not configured, 1 equal, 2 not equal, 4 greater
 * than, 5 greater or equal, 8 less than, 9 less or equal.
 */
public enum Operator {
    NOT_CONFIGURED(0),
    EQUAL(1),
    NOT_EQUAL(2),
    GREATER_THAN(4),
    GREATER_THAN_OR_EQUAL(5),
    LESS_THAN(8),
    LESS_THAN_OR_EQUAL(9);

    private final int code;

    Operator(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Operator fromCode(int code) {
        for (Operator o : values()) {
            if (o.code == code) {
                return o;
            }
        }
        throw new IllegalArgumentException("Unknown rule operator code " + code + " (expected 0, 1, 2, 4, 5, 8 or 9)");
    }

    /** Applies the operator to a {@code compareTo} result (actual compared with expected). */
    public boolean test(int comparison) {
        return switch (this) {
            case EQUAL -> comparison == 0;
            case NOT_EQUAL -> comparison != 0;
            case GREATER_THAN -> comparison > 0;
            case GREATER_THAN_OR_EQUAL -> comparison >= 0;
            case LESS_THAN -> comparison < 0;
            case LESS_THAN_OR_EQUAL -> comparison <= 0;
            case NOT_CONFIGURED -> throw new IllegalStateException("No operator configured for a comparison");
        };
    }
}
