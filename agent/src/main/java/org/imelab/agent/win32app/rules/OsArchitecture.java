package org.imelab.agent.win32app.rules;

import java.util.Locale;

/** The device's processor architecture as the requirement rules see it. */
public enum OsArchitecture {
    X86, X64, ARM64;

    /** From {@code PROCESSOR_ARCHITECTURE} ({@code AMD64}, {@code x86}, {@code ARM64}) or Java's {@code os.arch}. */
    public static OsArchitecture parse(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return switch (n) {
            case "amd64", "x86_64", "x64" -> X64;
            case "arm64", "aarch64" -> ARM64;
            case "x86", "i386", "i486", "i586", "i686" -> X86;
            default -> throw new IllegalArgumentException("Unknown processor architecture '" + name + "'");
        };
    }

    /**
     * Whether {@code RequiredOSArchitecture} admits this architecture. Null or 0: any. The older
     * values 1 (32-bit), 2 (64-bit) and 3 (both) [PETRI]; newer agents send flags, where the 2026
     * policy sample marks "x64 only" with 32 [RADU]. Read as flags: 1 x86, 2 or 32 x64, 16 arm64
     * (our inference for arm64, not seen in a sample).
     */
    public boolean allows(Integer required) {
        if (required == null || required == 0) {
            return true;
        }
        int r = required;
        return switch (this) {
            case X86 -> (r & 1) != 0;
            case X64 -> (r & (2 | 32)) != 0;
            case ARM64 -> (r & 16) != 0;
        };
    }
}
