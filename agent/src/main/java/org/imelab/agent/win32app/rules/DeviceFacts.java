package org.imelab.agent.win32app.rules;

import java.util.Optional;
import java.util.OptionalLong;

/** The machine facts requirement rules compare against. Tests use fixed facts. */
public interface DeviceFacts {

    OsArchitecture osArchitecture();

    /** Windows version {@code major.minor.build[.ubr]}, e.g. {@code 10.0.26100.2605}; empty when unknown. */
    Optional<String> osVersion();

    /** Free space, in bytes, on the system drive (where IMECache lives). */
    long freeSystemDiskBytes();

    long physicalMemoryBytes();

    int logicalProcessorCount();

    /** Processor speed in MHz; empty when the system does not say. */
    OptionalLong cpuSpeedMhz();

    /** A 64-bit OS, where {@code Check32BitOn64System} and {@code RunAs32Bit} mean something. */
    default boolean is64BitOs() {
        return osArchitecture() != OsArchitecture.X86;
    }
}
