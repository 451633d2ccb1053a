package org.imelab.agent.win32app.rules;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.Registry;

/**
 * Facts read from this machine. The Windows version comes from the registry
 * ({@code HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion}: CurrentMajorVersionNumber,
 * CurrentMinorVersionNumber, CurrentBuildNumber, UBR), where Windows keeps it; off Windows that is
 * the lab device's registry, so a lab says which Windows it pretends to be, and without those
 * values the version is unknown (a minimum-OS requirement is then not met). Processor speed:
 * {@code HARDWARE\DESCRIPTION\System\CentralProcessor\0\~MHz} on Windows, cpufreq or
 * /proc/cpuinfo on Linux. Free disk: the file store holding {@code systemDrive}.
 */
public final class SystemDeviceFacts implements DeviceFacts {
    private static final RegPath CURRENT_VERSION = RegPath.parse("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion");
    private static final RegPath CPU0 = RegPath.parse("HKLM\\HARDWARE\\DESCRIPTION\\System\\CentralProcessor\\0");

    private final Registry registry;
    private final Path systemDrive;
    private final Map<String, String> env;
    private final boolean windows;

    public SystemDeviceFacts(Registry registry, Path systemDrive, Map<String, String> env, boolean windows) {
        this.registry = registry;
        this.systemDrive = systemDrive;
        this.env = env;
        this.windows = windows;
    }

    public static SystemDeviceFacts forThisMachine(Registry registry, Path systemDrive) {
        return new SystemDeviceFacts(registry, systemDrive, System.getenv(),
                System.getProperty("os.name", "").startsWith("Windows"));
    }

    @Override
    public OsArchitecture osArchitecture() {
        if (windows) {
            // a 32-bit JVM on 64-bit Windows sees PROCESSOR_ARCHITEW6432 = the real one
            String wow = env.get("PROCESSOR_ARCHITEW6432");
            String arch = wow != null ? wow : env.getOrDefault("PROCESSOR_ARCHITECTURE", System.getProperty("os.arch"));
            return OsArchitecture.parse(arch);
        }
        return OsArchitecture.parse(System.getProperty("os.arch"));
    }

    @Override
    public Optional<String> osVersion() {
        Optional<RegValue> major = registry.get(CURRENT_VERSION, "CurrentMajorVersionNumber");
        Optional<RegValue> build = registry.get(CURRENT_VERSION, "CurrentBuildNumber");
        if (major.isPresent() && build.isPresent()) {
            String minor = registry.get(CURRENT_VERSION, "CurrentMinorVersionNumber").map(SystemDeviceFacts::text).orElse("0");
            String v = text(major.get()) + "." + minor + "." + text(build.get());
            return Optional.of(registry.get(CURRENT_VERSION, "UBR").map(u -> v + "." + text(u)).orElse(v));
        }
        return windows ? Optional.of(System.getProperty("os.version")) : Optional.empty();
    }

    private static String text(RegValue v) {
        return switch (v) {
            case RegValue.Dword d -> Integer.toUnsignedString(d.value());
            case RegValue.Qword q -> Long.toUnsignedString(q.value());
            default -> v.display().strip();
        };
    }

    @Override
    public long freeSystemDiskBytes() {
        try {
            Path p = systemDrive;
            while (p != null && !Files.exists(p)) {
                p = p.getParent();
            }
            return p == null ? 0 : Files.getFileStore(p).getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public long physicalMemoryBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0;
    }

    @Override
    public int logicalProcessorCount() {
        return Runtime.getRuntime().availableProcessors();
    }

    @Override
    public OptionalLong cpuSpeedMhz() {
        if (windows) {
            return registry.get(CPU0, "~MHz").map(v -> OptionalLong.of(Long.parseLong(text(v)))).orElse(OptionalLong.empty());
        }
        try {
            Path max = Path.of("/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq");
            if (Files.isReadable(max)) {
                return OptionalLong.of(Long.parseLong(Files.readString(max).strip()) / 1000);
            }
            Path cpuinfo = Path.of("/proc/cpuinfo");
            if (Files.isReadable(cpuinfo)) {
                List<String> lines = Files.readAllLines(cpuinfo);
                for (String line : lines) {
                    if (line.startsWith("cpu MHz")) {
                        return OptionalLong.of(Math.round(Double.parseDouble(line.substring(line.indexOf(':') + 1).strip())));
                    }
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}
