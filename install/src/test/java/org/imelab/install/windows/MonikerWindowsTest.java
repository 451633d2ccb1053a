package org.imelab.install.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.imelab.install.InstallStep;
import org.imelab.install.Installer;
import org.imelab.install.StepContext;
import org.imelab.install.moniker.MonikerRegistration;
import org.imelab.install.plan.Manifests;
import org.imelab.install.process.CommandResult;
import org.imelab.install.process.ProcessCommandRunner;
import org.imelab.registry.windows.JnaRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The moniker in the real HKEY_CLASSES_ROOT (elevated prompt), seen by reg.exe, and removed again. */
@EnabledOnOs(OS.WINDOWS)
class MonikerWindowsTest {
    private static final String COMMAND = "\"C:\\Windows\\System32\\cmd.exe\" /c exit \"%1\"";
    private final ProcessCommandRunner commands = new ProcessCommandRunner();

    @TempDir
    Path home;

    private CommandResult regQuery() {
        return commands.run(List.of("reg.exe", "query", "HKCR\\intunemanagementextension", "/s"), Map.of(), Duration.ofSeconds(30));
    }

    @Test
    void registersTheProtocolAndUninstallRemovesIt() {
        assumeFalse(regQuery().exitCode() == 0, "a moniker handler is registered on this machine already; not touching it");
        try (JnaRegistry reg = new JnaRegistry()) {
            Installer installer = new Installer(Manifests.store(home, "moniker-test"), StepContext.builder().registry(reg).build());

            installer.install("moniker-test", List.<InstallStep>of(MonikerRegistration.step(COMMAND)));

            CommandResult q = regQuery();
            assertEquals(0, q.exitCode(), q.output());
            assertTrue(q.stdout().contains("URL Protocol"), q.stdout());
            assertTrue(q.stdout().contains("URL:intunemanagementextension"), q.stdout());
            assertTrue(q.stdout().contains("shell\\open\\command"), q.stdout());
            assertTrue(q.stdout().contains(COMMAND), q.stdout());

            installer.uninstall();

            assertNotEquals(0, regQuery().exitCode(), "the key is gone");
        }
    }
}
