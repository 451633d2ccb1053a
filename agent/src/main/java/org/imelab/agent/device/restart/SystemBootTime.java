package org.imelab.agent.device.restart;

import com.sun.jna.platform.win32.Kernel32;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Optional;

/**
 * The operating system's own boot time. Linux: {@code btime} of {@code /proc/stat} (seconds since the
 * epoch), else the start of pid 1; Windows: now minus {@code GetTickCount64} (milliseconds since boot,
 * it cannot fail); elsewhere the agent's JVM start, the latest moment the machine surely was up.
 */
public final class SystemBootTime implements BootTime {
    private static final Path PROC_STAT = Path.of("/proc/stat");

    private final Source source;
    private final InstantSource clock;

    private enum Source { LINUX, WINDOWS, JVM }

    private SystemBootTime(Source source, InstantSource clock) {
        this.source = source;
        this.clock = clock;
    }

    public static SystemBootTime forThisMachine(InstantSource clock) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return new SystemBootTime(os.startsWith("windows") ? Source.WINDOWS : os.startsWith("linux") ? Source.LINUX
                : Source.JVM, clock);
    }

    @Override
    public Instant lastBoot() {
        return switch (source) {
            case WINDOWS -> clock.instant().minus(Duration.ofMillis(Kernel32.INSTANCE.GetTickCount64()));
            case LINUX -> linux();
            case JVM -> jvmStart();
        };
    }

    private static Instant linux() {
        try {
            Optional<Instant> btime = btime(Files.readString(PROC_STAT, StandardCharsets.US_ASCII));
            if (btime.isPresent()) {
                return btime.get();
            }
        } catch (IOException | UncheckedIOException e) {
            // no /proc (a container without it): pid 1 started with the machine, or the JVM is the best we know
        }
        return ProcessHandle.of(1).flatMap(p -> p.info().startInstant()).orElseGet(SystemBootTime::jvmStart);
    }

    /** The {@code btime} line of {@code /proc/stat}: the boot time in seconds since the epoch. */
    static Optional<Instant> btime(String procStat) {
        for (String line : procStat.split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 2 && parts[0].equals("btime")) {
                try {
                    long seconds = Long.parseLong(parts[1]);
                    return seconds > 0 ? Optional.of(Instant.ofEpochSecond(seconds)) : Optional.empty();
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static Instant jvmStart() {
        return Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    }
}
