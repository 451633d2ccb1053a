package org.imelab.agent.win32app.exec.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.imelab.agent.win32app.exec.Launch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portable parts of the Windows user-session start: environment blocks as Windows lays them out
 * (read from real native memory), the job structure's size, and finding the program in the app folder.
 */
class EnvironmentBlocksTest {
    @TempDir
    Path app;

    @Test
    void theUsersVariablesWinAndTheBlockIsSortedAndTerminated() {
        char[] block = EnvironmentBlocks.merge(List.of("USERPROFILE=C:\\Users\\alice", "TEMP=C:\\Users\\alice\\Temp",
                        "=C:=C:\\Users\\alice", "Path=C:\\Windows"),
                Map.of("temp", "C:\\Windows\\Temp", "ProgramData", "C:\\ProgramData"));
        assertEquals("=C:=C:\\Users\\alice\0Path=C:\\Windows\0ProgramData=C:\\ProgramData\0TEMP=C:\\Users\\alice\\Temp\0"
                + "USERPROFILE=C:\\Users\\alice\0\0", new String(block));
        assertEquals("\0\0", new String(EnvironmentBlocks.merge(List.of(), Map.of())));
    }

    @Test
    void aBlockInNativeMemoryIsReadEntryByEntry() {
        char[] block = EnvironmentBlocks.merge(List.of("A=1", "Bee=two words", "=D:=D:\\"), Map.of());
        Memory m = new Memory((long) Native.WCHAR_SIZE * block.length);
        m.write(0, block, 0, block.length);
        assertEquals(List.of("=D:=D:\\", "A=1", "Bee=two words"), EnvironmentBlocks.read(m));
        assertEquals("=D:", EnvironmentBlocks.name("=D:=D:\\"));
    }

    @Test
    void theJobLimitsHaveWindowsLayout() {
        // JOBOBJECT_EXTENDED_LIMIT_INFORMATION: 144 bytes on 64-bit, 112 on 32-bit (winnt.h)
        assertEquals(Native.POINTER_SIZE == 8 ? 144 : 112, JobLimits.withFlags(0).size());
        assertEquals(Native.POINTER_SIZE == 8 ? 64 : 48, new JobLimits.Basic().size());
    }

    @Test
    void aProgramInTheAppFolderIsNamedByItsFullPath() throws IOException {
        Path setup = Files.createFile(app.resolve("setup.exe"));
        Files.createFile(app.resolve("install.cmd"));
        assertEquals(setup.toAbsolutePath().toString(), WtsUserSessionLauncher.programIn(launch("setup.exe", "/S")));
        assertEquals(setup.toAbsolutePath().toString(), WtsUserSessionLauncher.programIn(launch("setup", "/S")));
        assertNull(WtsUserSessionLauncher.programIn(launch("install.cmd")), "batch files go through CreateProcess");
        assertNull(WtsUserSessionLauncher.programIn(launch("msiexec.exe", "/i", "x.msi")), "not in the folder");
    }

    private Launch launch(String... argv) {
        return new Launch(String.join(" ", argv), List.of(argv), app, Map.of(), null, null);
    }
}
