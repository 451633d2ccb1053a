package org.imelab.agent.win32app.rules;

import java.util.Optional;
import java.util.OptionalLong;

/** Facts fixed by a test. */
record FixedDeviceFacts(OsArchitecture osArchitecture, Optional<String> osVersion, long freeSystemDiskBytes,
                        long physicalMemoryBytes, int logicalProcessorCount, OptionalLong cpuSpeedMhz)
        implements DeviceFacts {

    static final long MB = 1024L * 1024L;

    /** An x64 Windows 11 24H2 with 100 GB free, 16 GB, 8 processors at 2400 MHz. */
    static FixedDeviceFacts typical() {
        return new FixedDeviceFacts(OsArchitecture.X64, Optional.of("10.0.26100.2605"), 100_000 * MB, 16_384 * MB, 8,
                OptionalLong.of(2400));
    }
}
