package org.imelab.agent.win32app.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The same script contract with Windows PowerShell, on Windows only. */
@EnabledOnOs(OS.WINDOWS)
class WindowsScriptHostTest {
    @TempDir
    Path work;

    private ScriptHost host() {
        return new ScriptHost(work, true, System.getenv(), Duration.ofMinutes(1));
    }

    @Test
    void powerShellOutputAndExitCodeDecideDetection() {
        ScriptResult.Completed c = assertInstanceOf(ScriptResult.Completed.class,
                host().run(new ScriptRule("Write-Output \"Installed $(40 + 2)\"\nexit 0", false, false)));
        assertTrue(c.detected());
        assertTrue(c.stdout().contains("Installed 42"));
        ScriptResult.Completed silent = assertInstanceOf(ScriptResult.Completed.class,
                host().run(new ScriptRule("exit 0", false, false)));
        assertEquals(false, silent.detected());
    }

    @Test
    void the32BitHostReportsA32BitProcess() {
        ScriptResult.Completed c = assertInstanceOf(ScriptResult.Completed.class,
                host().run(new ScriptRule("[Environment]::Is64BitProcess", false, true)));
        assertEquals("False", c.stdout().strip());
    }

    @Test
    void aWindowsPathsViewOfTheRealSystemExpandsItsVariables() {
        WindowsPaths w = WindowsPaths.windows(System.getenv(), true);
        assertEquals(Path.of(System.getenv("ProgramFiles(x86)"), "x"), w.resolve("%ProgramFiles%\\x", true));
    }
}
