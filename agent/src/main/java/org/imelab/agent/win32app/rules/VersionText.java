package org.imelab.agent.win32app.rules;

import java.util.Arrays;
import java.util.Optional;

/**
 * Version strings compared the way rule authors mean them: up to four numeric parts separated by
 * dots, missing parts count as 0 ({@code 25.01} equals {@code 25.1.0.0}), leading zeros ignored.
 * Anything else is not a version.
 */
final class VersionText {
    private VersionText() {
    }

    static Optional<long[]> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.strip().split("\\.", -1);
        if (parts.length == 0 || parts.length > 4) {
            return Optional.empty();
        }
        long[] out = new long[4];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 10 || !p.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            out[i] = Long.parseLong(p);
        }
        return Optional.of(out);
    }

    static int compare(long[] a, long[] b) {
        return Arrays.compare(a, b);
    }
}
