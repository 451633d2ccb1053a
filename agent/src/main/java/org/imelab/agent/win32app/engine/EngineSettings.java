package org.imelab.agent.win32app.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * Where the engine puts things and the few knobs a lab or a test turns.
 *
 * @param incomingDir          {@code Content\Incoming}: downloaded packages
 * @param imeCacheDir          {@code IMECache}: unpacked content, the installers' working folders
 * @param deviceZone           the device's time zone, for StartDeadlineEx in device time
 * @param runTimeMinute        how long one minute of {@code MaxRunTimeInMinutes} lasts: a minute,
 *                             except in tests that must not wait a real minute for a hung installer
 * @param installerEnvironment extra environment for installers (the lab's emulated Windows folders)
 */
public record EngineSettings(Path incomingDir, Path imeCacheDir, ZoneId deviceZone, Duration runTimeMinute,
        Map<String, String> installerEnvironment) {

    public EngineSettings {
        Objects.requireNonNull(incomingDir, "incomingDir");
        Objects.requireNonNull(imeCacheDir, "imeCacheDir");
        Objects.requireNonNull(deviceZone, "deviceZone");
        Objects.requireNonNull(runTimeMinute, "runTimeMinute");
        installerEnvironment = installerEnvironment == null ? Map.of() : Map.copyOf(installerEnvironment);
        if (runTimeMinute.isNegative() || runTimeMinute.isZero()) {
            throw new IllegalArgumentException("runTimeMinute must be positive");
        }
    }

    /** The real agent's layout under a data home: {@code {home}/Content/Incoming} and {@code {home}/IMECache}. */
    public static EngineSettings under(Path home, Path imeCacheDir) {
        return new EngineSettings(home.resolve("Content").resolve("Incoming"), imeCacheDir, ZoneId.systemDefault(),
                Duration.ofMinutes(1), Map.of());
    }

    public EngineSettings withRunTimeMinute(Duration minute) {
        return new EngineSettings(incomingDir, imeCacheDir, deviceZone, minute, installerEnvironment);
    }

    public EngineSettings withDeviceZone(ZoneId zone) {
        return new EngineSettings(incomingDir, imeCacheDir, zone, runTimeMinute, installerEnvironment);
    }

    public EngineSettings withInstallerEnvironment(Map<String, String> env) {
        return new EngineSettings(incomingDir, imeCacheDir, deviceZone, runTimeMinute, env);
    }
}
