package org.imelab.agent.win32app.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowsPathsTest {
    @TempDir
    Path home;

    @Test
    void expandsVariablesWithoutCaseAndLeavesUnknownOnes() {
        WindowsPaths w = WindowsPaths.windows(Map.of("ProgramFiles", "C:\\Program Files",
                "ProgramFiles(x86)", "C:\\Program Files (x86)", "CommonProgramFiles", "C:\\Program Files\\Common Files",
                "CommonProgramFiles(x86)", "C:\\Program Files (x86)\\Common Files"), true);
        assertEquals("C:\\Program Files\\App", w.expand("%programfiles%\\App", false));
        assertEquals("C:\\Program Files (x86)\\App", w.expand("%ProgramFiles%\\App", true));
        assertEquals("C:\\Program Files (x86)\\Common Files\\x", w.expand("%CommonProgramFiles%\\x", true));
        assertEquals("%NOPE%\\App", w.expand("%NOPE%\\App", false));
        // a 32-bit OS has no WOW64: the flag changes nothing
        WindowsPaths x86 = WindowsPaths.windows(Map.of("ProgramFiles", "C:\\Program Files"), false);
        assertEquals("C:\\Program Files\\App", x86.expand("%ProgramFiles%\\App", true));
    }

    @Test
    void mapsDrivesUnderTheHomeLikeWine() throws Exception {
        WindowsPaths w = WindowsPaths.emulated(home, Map.of("HOME", "/root"), true);
        assertEquals(home.resolve("drive_c/Program Files/App/app.exe"), w.resolve("%ProgramFiles%\\App\\app.exe", false));
        assertEquals(home.resolve("drive_c/Program Files (x86)/App"), w.resolve("%ProgramFiles%\\App", true));
        assertEquals(home.resolve("drive_c/Windows/SysWOW64/x.dll"), w.resolve("C:\\Windows\\System32\\x.dll", true));
        assertEquals(home.resolve("drive_c/Windows/System32Extra"), w.resolve("C:\\Windows\\System32Extra", true));
        assertEquals(home.resolve("drive_d/Data"), w.resolve("d:/Data/", false));
        assertEquals(home.resolve("drive_c"), w.resolve("C:\\..\\..", false));
        assertEquals(Path.of("/opt/app/bin"), w.resolve("/opt/app/bin", false));
        assertEquals("/root\\x", w.expand("%HOME%\\x", false));
        assertThrows(IllegalArgumentException.class, () -> w.resolve("relative\\path", false));
        assertThrows(IllegalArgumentException.class, () -> w.resolve("\\\\server\\share\\x", false));
    }

    @Test
    void findsFilesIgnoringCaseAsNtfsDoes() throws Exception {
        Path real = Files.createDirectories(home.resolve("drive_c/Program Files/7-Zip"));
        Files.writeString(real.resolve("7z.EXE"), "x");
        WindowsPaths w = WindowsPaths.emulated(home, Map.of(), true);
        assertEquals(real.resolve("7z.EXE"), w.resolve("C:\\PROGRAM FILES\\7-zip\\7z.exe", false));
    }

    @Test
    void givesChildProcessesTheEmulatedFoldersAsRealPaths() {
        Map<String, String> env = WindowsPaths.emulated(home, Map.of("PATH", "/usr/bin"), true).environment();
        assertEquals(home.resolve("drive_c/ProgramData").toString(), env.get("ProgramData"));
        assertEquals(home.resolve("drive_c/Program Files (x86)").toString(), env.get("ProgramFiles(x86)"));
        assertEquals("/usr/bin", env.get("PATH"));
        assertEquals(home.resolve("drive_c").toString(), env.get("SystemDrive"));
    }
}
