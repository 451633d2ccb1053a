package org.imelab.agent.win32app.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLinesTest {
    @Test
    void splitsLikeCommandLineToArgvW() {
        assertEquals(List.of("msiexec", "/i", "7z2501-x64.msi", "/qn"), CommandLines.windows("msiexec /i \"7z2501-x64.msi\" /qn"));
        assertEquals(List.of("C:\\Program Files\\App\\setup.exe", "/S", "/D=C:\\Program Files\\App"),
                CommandLines.windows("\"C:\\Program Files\\App\\setup.exe\" /S \"/D=C:\\Program Files\\App\""));
        assertEquals(List.of("a.exe", "x\\\\y", "say \"hi\"", "back\\"), CommandLines.windows("a.exe x\\\\y \"say \\\"hi\\\"\" back\\"));
        assertEquals(List.of("a.exe", "C:\\path\\"), CommandLines.windows("a.exe \"C:\\path\\\\\""));
        assertEquals(List.of("C:\\dir\\prog.exe"), CommandLines.windows("  C:\\dir\\prog.exe  "));
        assertEquals(List.of("a", "", "b"), CommandLines.windows("a \"\" b"));
    }

    @Test
    void posixLinesGoToTheShellUnchanged() {
        assertEquals(List.of("/bin/sh", "-c", "install.sh --quiet > log 2>&1"), CommandLines.posix("install.sh --quiet > log 2>&1"));
    }
}
