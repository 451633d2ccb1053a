package org.imelab.agent.cli.reg;

import static org.imelab.agent.cli.reg.RegCli.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.Registry;
import org.imelab.registry.file.FileRegistry;
import org.imelab.registry.ime.ImeRegistry;
import org.imelab.registry.ime.Scope;
import org.imelab.registry.ime.SubgraphHash;
import org.imelab.registry.ime.Win32AppKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI as shipped, off Windows: each invocation opens the file registry under --home, so what
 * one command (or the daemon) writes, the next one sees.
 */
@DisabledOnOs(OS.WINDOWS)
class RegOnFileRegistryTest {
    static final String KEY = "HKLM\\SOFTWARE\\Microsoft\\IntuneManagementExtension\\Settings";

    @TempDir
    Path home;

    RegCli.Result imelab(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--home";
        all[1] = home.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return RegCli.run(all);
    }

    @Test
    void writesPersistFromOneInvocationToTheNext() {
        assertEquals(0, imelab("reg", "add", KEY, "/v", "Interval", "/t", "REG_DWORD", "/d", "1800", "/f").exitCode());
        assertTrue(Files.isDirectory(home.resolve("registry")));
        assertEquals(new RegCli.Result(0, lines("", "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\IntuneManagementExtension\\Settings",
                "    Interval    REG_DWORD    0x708", ""), ""), imelab("reg", "query", KEY));
        assertEquals(0, imelab("reg", "delete", KEY, "/v", "Interval", "/f").exitCode());
        assertEquals(1, imelab("reg", "query", KEY, "/v", "Interval").exitCode());
    }

    @Test
    void theRipleyManoeuvreByHandIsSeenByTheAgentsStores() {
        Scope scope = Scope.DEVICE;
        Win32AppKey app = Win32AppKey.of("6e0911dd-6755-4eb7-8a75-ba02e685232b", 1);
        SubgraphHash hash = SubgraphHash.of(java.util.List.of(app));
        try (Registry daemon = new FileRegistry(home.resolve("registry"))) {
            ImeRegistry ime = new ImeRegistry(daemon);
            ime.win32Apps().touch(scope, app, Instant.parse("2026-03-01T10:00:00Z"));
            ime.grs().put(scope, hash, app.appId(), Instant.parse("2026-03-01T10:00:00Z"));

            // an admin deletes the app key and its GRS key with reg.exe while the daemon runs
            String win32Apps = "HKLM\\SOFTWARE\\Microsoft\\IntuneManagementExtension\\Win32Apps\\" + scope.id();
            assertEquals(0, imelab("reg", "delete", win32Apps + "\\" + app.keyName(), "/f").exitCode());
            assertEquals(0, imelab("reg", "delete", win32Apps + "\\GRS\\" + hash.value(), "/f").exitCode());

            assertEquals(Optional.empty(), ime.win32Apps().read(scope, app));
            assertEquals(Optional.empty(), ime.grs().find(scope, app.appId()));
        }
    }

    @Test
    void exportImportThroughTheFileRegistry() {
        assertEquals(0, imelab("reg", "add", KEY, "/v", "Interval", "/t", "REG_DWORD", "/d", "600", "/f").exitCode());
        Path file = home.resolve("settings.reg");
        assertEquals(0, imelab("reg", "export", KEY, file.toString()).exitCode());
        assertEquals(0, imelab("reg", "delete", KEY, "/f").exitCode());
        assertEquals(0, imelab("reg", "import", file.toString()).exitCode());
        try (Registry r = new FileRegistry(home.resolve("registry"))) {
            assertEquals(Optional.of(RegValue.dword(600)), r.get(RegPath.parse(KEY), "Interval"));
        }
    }
}
