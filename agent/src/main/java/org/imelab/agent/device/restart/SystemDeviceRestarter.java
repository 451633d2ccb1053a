package org.imelab.agent.device.restart;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real restart: {@code shutdown /r /t N /c "..."} on Windows; on Linux {@code shutdown -r +M}
 * (whole minutes, rounded up, so a grace period is honoured), or {@code systemctl reboot} then
 * {@code shutdown -r now} without a delay. Each command runs as a child process and its exit code
 * decides; the next candidate is tried only when one could not be started or failed.
 */
public final class SystemDeviceRestarter implements DeviceRestarter {
    private static final Logger LOG = LoggerFactory.getLogger(SystemDeviceRestarter.class);
    /** Windows' shutdown takes at most ten years in /t; its comment at most 512 characters. */
    static final long MAX_WINDOWS_SECONDS = 315_360_000L;
    static final int MAX_WINDOWS_COMMENT = 512;
    private static final long WAIT_SECONDS = 30;

    private final boolean windows;

    public SystemDeviceRestarter() {
        this(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows"));
    }

    SystemDeviceRestarter(boolean windows) {
        this.windows = windows;
    }

    @Override
    public void restart(Duration delay, String reason) throws IOException {
        IOException last = null;
        for (List<String> command : commandLines(windows, delay, reason)) {
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    last = new IOException(command.get(0) + " did not finish within " + WAIT_SECONDS + " s");
                    continue;
                }
                if (p.exitValue() == 0) {
                    return;
                }
                last = new IOException(String.join(" ", command) + " exited with " + p.exitValue());
            } catch (IOException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while requesting the restart", e);
            }
            LOG.debug("Restart command failed: {}", last.getMessage());
        }
        throw last != null ? last : new IOException("No restart command for this system");
    }

    /** The command lines to try, in order: a pure function, so tests check them without running any. */
    static List<List<String>> commandLines(boolean windows, Duration delay, String reason) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("A restart delay cannot be negative: " + delay);
        }
        String text = reason == null ? "" : reason.replace('"', '\'').replace('\r', ' ').replace('\n', ' ');
        if (windows) {
            long seconds = Math.min(delay.toSeconds(), MAX_WINDOWS_SECONDS);
            String comment = text.length() > MAX_WINDOWS_COMMENT ? text.substring(0, MAX_WINDOWS_COMMENT) : text;
            return List.of(List.of("shutdown", "/r", "/t", Long.toString(seconds), "/c", comment));
        }
        List<List<String>> out = new ArrayList<>();
        long minutes = (delay.toSeconds() + 59) / 60;
        if (minutes == 0) {
            out.add(List.of("systemctl", "reboot"));
            out.add(List.of("shutdown", "-r", "now", text));
        } else {
            out.add(List.of("shutdown", "-r", "+" + minutes, text));
        }
        return out;
    }
}
