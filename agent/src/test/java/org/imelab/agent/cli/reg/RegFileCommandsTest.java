package org.imelab.agent.cli.reg;

import static org.imelab.agent.cli.reg.RegCli.lines;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.Registry;
import org.imelab.registry.memory.MemoryRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code imelab reg export|import}: .reg files out of one registry and into another. */
class RegFileCommandsTest {
    static final String OK = "The operation completed successfully.";
    static final RegPath KEY = RegPath.parse("HKLM\\SOFTWARE\\Microsoft\\IntuneManagementExtension");

    @TempDir
    Path dir;

    static RegCli.Result reg(Registry registry, String stdin, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "reg";
        System.arraycopy(args, 0, all, 1, args.length);
        return RegCli.on(() -> registry, stdin, all);
    }

    @Test
    void whatOneRegistryExportsAnotherImportsUnchanged() throws Exception {
        MemoryRegistry source = new MemoryRegistry();
        source.put(KEY.child("Settings"), "Interval", RegValue.dword(1800));
        source.put(KEY.child("Win32Apps", "00000000-0000-0000-0000-000000000000", "6e0911dd-6755-4eb7-8a75-ba02e685232b_1"),
                "LastUpdatedTimeUtc", RegValue.sz("01/15/2026 09:05:07"));
        source.put(KEY, "bin", new RegValue.Binary(new byte[] {1, 2, 3}));
        source.put(KEY, "multi", new RegValue.MultiSz(List.of("a", "b")));
        source.put(KEY, "odd", new RegValue.Raw(0x1234, new byte[] {9}));
        Path file = dir.resolve("ime.reg");

        assertEquals(new RegCli.Result(0, lines(OK), ""), reg(source, "", "export", KEY.toShortString(), file.toString()));
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xFE}, java.util.Arrays.copyOf(bytes, 2));
        assertTrue(new String(bytes, StandardCharsets.UTF_16LE).startsWith("\uFEFFWindows Registry Editor Version 5.00\r\n"));

        MemoryRegistry target = new MemoryRegistry();
        assertEquals(new RegCli.Result(0, lines(OK), ""), reg(target, "", "import", file.toString()));
        assertSameTree(source, target, KEY);
    }

    @Test
    void aMalformedFileIsRefusedWithItsLineAndNothingIsImported() throws Exception {
        Path file = dir.resolve("bad.reg");
        Files.writeString(file, "Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\Software\\A]\r\n"
                + "\"ok\"=dword:00000001\r\n\r\n[HKEY_CURRENT_USER\\Software\\B]\r\n\"bad\"=dword:xyz\r\n",
                StandardCharsets.UTF_8);
        MemoryRegistry target = new MemoryRegistry();
        RegCli.Result r = reg(target, "", "import", file.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith("ERROR: ") && r.err().contains("line 7"), r.err());
        assertFalse(target.exists(RegPath.parse("HKCU\\Software\\A")));

        assertEquals(1, reg(target, "", "import", dir.resolve("missing.reg").toString()).exitCode());
    }

    @Test
    void exportRefusesAbsentKeysAndAsksBeforeOverwriting() throws Exception {
        MemoryRegistry source = new MemoryRegistry();
        Path file = dir.resolve("out.reg");
        assertEquals(1, reg(source, "", "export", "HKCU\\Software\\Nope", file.toString()).exitCode());
        assertFalse(Files.exists(file));

        source.put(RegPath.parse("HKCU\\Software\\A"), "x", RegValue.dword(1));
        Files.writeString(file, "keep me");
        RegCli.Result no = reg(source, "no\n", "export", "HKCU\\Software\\A", file.toString());
        assertEquals(0, no.exitCode());
        assertTrue(no.out().endsWith(lines("The operation was canceled by the user.")), no.out());
        assertEquals("keep me", Files.readString(file));

        assertEquals(0, reg(source, "", "export", "HKCU\\Software\\A", file.toString(), "/y").exitCode());
        assertTrue(Files.readString(file, StandardCharsets.UTF_16LE).contains("\"x\"=dword:00000001"));
    }

    @Test
    void theThirtyTwoBitViewRoundTrips() throws Exception {
        MemoryRegistry source = new MemoryRegistry();
        source.put(RegPath.parse("HKLM\\SOFTWARE\\WOW6432Node\\Vendor"), "v", RegValue.sz("32"));
        Path file = dir.resolve("v32.reg");
        assertEquals(0, reg(source, "", "export", "HKLM\\SOFTWARE\\Vendor", file.toString(), "/reg:32").exitCode());
        assertTrue(Files.readString(file, StandardCharsets.UTF_16LE).contains("[HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor]"));

        MemoryRegistry target = new MemoryRegistry();
        assertEquals(0, reg(target, "", "import", file.toString(), "/reg:32").exitCode());
        assertEquals(Map.of("v", RegValue.sz("32")), target.values(RegPath.parse("HKLM\\SOFTWARE\\WOW6432Node\\Vendor")));
    }

    static void assertSameTree(Registry expected, Registry actual, RegPath key) {
        assertEquals(expected.values(key), actual.values(key), key.toString());
        assertEquals(expected.subKeys(key), actual.subKeys(key), key.toString());
        for (String sub : expected.subKeys(key)) {
            assertSameTree(expected, actual, key.child(sub));
        }
    }
}
