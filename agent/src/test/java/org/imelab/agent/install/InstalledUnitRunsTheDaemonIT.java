package org.imelab.agent.install;

import static org.imelab.agent.install.InstalledImelab.awaitFile;
import static org.imelab.agent.install.InstalledImelab.awaitLine;
import static org.imelab.agent.install.InstalledImelab.imelab;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.imelab.install.linux.DesktopEntry;
import org.imelab.install.linux.DesktopExec;
import org.imelab.install.linux.MimeAppsList;
import org.imelab.install.linux.SystemdExec;
import org.imelab.install.linux.SystemdUnits;
import org.imelab.install.process.CommandResult;
import org.imelab.install.process.ProcessCommandRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole Linux story with the packaged jar: `imelab install --root` writes the units; the
 * daemon is started with exactly the unit's ExecStart; the URL handler is resolved as a desktop
 * resolves it (xdg-mime, then the desktop entry's Exec with the URL) and run; the daemon checks
 * in because of it; `imelab uninstall` leaves the root as it was.
 */
@EnabledOnOs(OS.LINUX)
class InstalledUnitRunsTheDaemonIT {
    private static final String URL = "intunemanagementextension://syncapp";
    private final ProcessCommandRunner commands = new ProcessCommandRunner();

    @TempDir
    Path tmp;

    @Test
    void theUnitsCommandRunsTheDaemonAndTheUrlHandlerMakesItCheckIn() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root dir"));
        Path home = tmp.resolve("data home");
        SortedMap<String, String> before = InstalledImelab.tree(root);

        CommandResult install = imelab("--home", home.toString(), "install", "--root", root.toString());
        assertEquals(0, install.exitCode(), install.output());

        List<String> execStart = SystemdExec.split(SystemdUnits.value(
                Files.readString(root.resolve("etc/systemd/system/imelab.service")), "ExecStart"));
        assertEquals(List.of("--home", home.toString(), "run"), execStart.subList(execStart.size() - 3, execStart.size()));
        Process daemon = new ProcessBuilder(execStart).redirectErrorStream(true).start();
        try {
            BlockingQueue<String> out = InstalledImelab.lines(daemon);
            awaitFile(home.resolve("run/imelab.sock"), Duration.ofSeconds(60));

            String desktopId = defaultHandler(root);
            assertEquals("imelab-moniker.desktop", desktopId);
            List<String> handler = DesktopExec.expand(DesktopEntry.exec(
                    Files.readString(root.resolve("usr/local/share/applications").resolve(desktopId))), URL);
            CommandResult opened = commands.run(handler, Map.of(), Duration.ofMinutes(1));
            assertEquals(0, opened.exitCode(), opened.output());

            List<String> lines = awaitLine(out, "(" + URL + ")", Duration.ofSeconds(60));
            assertTrue(lines.stream().anyMatch(l -> l.contains("check-in")), String.join("\n", lines));
        } finally {
            daemon.destroy(); // SIGTERM, what systemctl stop sends
            assertTrue(daemon.waitFor(60, TimeUnit.SECONDS), "the daemon stops on SIGTERM");
        }

        CommandResult uninstall = imelab("--home", home.toString(), "uninstall", "--root", root.toString());
        assertEquals(0, uninstall.exitCode(), uninstall.output());
        assertEquals(before, InstalledImelab.tree(root));
    }

    /** What `xdg-mime query default` answers for the scheme, looking only at the installed tree. */
    private String defaultHandler(Path root) throws Exception {
        if (!commands.isAvailable("xdg-mime")) {
            // the same lookup by hand: the system-wide list names the handler
            return MimeAppsList.parse(Files.readString(root.resolve("etc/xdg/mimeapps.list"), StandardCharsets.UTF_8))
                    .defaultFor(DesktopEntry.MIME_TYPE).orElseThrow();
        }
        Map<String, String> env = new HashMap<>();
        env.put("HOME", Files.createDirectories(tmp.resolve("desktop-home")).toString());
        env.put("XDG_CONFIG_HOME", Files.createDirectories(tmp.resolve("desktop-home/.config")).toString());
        env.put("XDG_DATA_HOME", Files.createDirectories(tmp.resolve("desktop-home/.local/share")).toString());
        env.put("XDG_CONFIG_DIRS", root.resolve("etc/xdg").toString());
        env.put("XDG_DATA_DIRS", root.resolve("usr/local/share").toString());
        for (String v : List.of("XDG_CURRENT_DESKTOP", "KDE_FULL_SESSION", "KDE_SESSION_VERSION", "GNOME_DESKTOP_SESSION_ID",
                "DESKTOP_SESSION", "DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "XDG_MENU_PREFIX")) {
            env.put(v, null);
        }
        CommandResult r = commands.run(List.of("xdg-mime", "query", "default", DesktopEntry.MIME_TYPE), env, Duration.ofSeconds(30));
        assertEquals(0, r.exitCode(), r.output());
        return r.stdout().strip();
    }
}
