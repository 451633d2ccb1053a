package org.imelab.registry.ime;

import java.time.Instant;
import java.util.Optional;
import org.imelab.registry.RegValue;

/**
 * Lenient reading of the IME's values: real devices and admin scripts leave strings where numbers
 * were written and the other way round, so a reader takes what makes sense and ignores the rest.
 */
final class RegValues {
    private RegValues() {
    }

    static Optional<String> string(Optional<RegValue> value) {
        return value.flatMap(v -> switch (v) {
            case RegValue.Sz s -> Optional.of(s.value());
            case RegValue.ExpandSz s -> Optional.of(s.value());
            case RegValue.Dword d -> Optional.of(Integer.toString(d.value()));
            case RegValue.Qword q -> Optional.of(Long.toString(q.value()));
            default -> Optional.empty();
        });
    }

    static Optional<Long> number(Optional<RegValue> value) {
        return value.flatMap(v -> switch (v) {
            case RegValue.Dword d -> Optional.of(Integer.toUnsignedLong(d.value()));
            case RegValue.Qword q -> Optional.of(q.value());
            case RegValue.Sz s -> parseLong(s.value());
            case RegValue.ExpandSz s -> parseLong(s.value());
            default -> Optional.empty();
        });
    }

    /** A signed 32-bit number (error codes): a DWORD as written, or a decimal/hex string. */
    static Optional<Integer> int32(Optional<RegValue> value) {
        return value.flatMap(v -> switch (v) {
            case RegValue.Dword d -> Optional.of(d.value());
            case RegValue.Qword q -> fitsInt32(q.value());
            case RegValue.Sz s -> parseLong(s.value()).flatMap(RegValues::fitsInt32);
            case RegValue.ExpandSz s -> parseLong(s.value()).flatMap(RegValues::fitsInt32);
            default -> Optional.empty();
        });
    }

    static Optional<Instant> time(Optional<RegValue> value) {
        return string(value).flatMap(ImeTime::parse);
    }

    private static Optional<Integer> fitsInt32(long n) {
        if (n >= Integer.MIN_VALUE && n <= 0xFFFF_FFFFL) {
            return Optional.of((int) n); // unsigned forms such as 2278622236 are Win32 codes written as DWORDs
        }
        return Optional.empty();
    }

    private static Optional<Long> parseLong(String text) {
        String t = text.trim();
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return Optional.of(Long.parseLong(t.substring(2), 16));
            }
            return Optional.of(Long.parseLong(t));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
