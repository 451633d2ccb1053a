package org.imelab.registry.regfile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.imelab.registry.RegOp;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.RegistryTrees;
import org.imelab.registry.memory.MemoryRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability with a real registry implementation: Wine's regedit and reg.exe, in a
 * throw-away prefix. What we export, Wine imports to the same keys, types and data (and
 * exports again byte for byte); what Wine exports, we import exactly. Skipped when {@code wine}
 * is not installed.
 */
class WineInteropTest {
    private static final RegPath OURS = RegPath.parse("HKCU\\Software\\imelab-wine\\Ours");
    private static final RegPath THEIRS = RegPath.parse("HKCU\\Software\\imelab-wine\\Theirs");

    @TempDir
    static Path home;

    private record Result(int exit, String out) {
    }

    @BeforeAll
    static void createPrefix() throws Exception {
        assumeTrue(onPath("wine") && onPath("wineserver"), "wine is not installed");
        // one server for the whole class, instead of one started (and lingering) per command
        Files.createDirectories(home.resolve("prefix"));
        Result server = run(60, List.of("wineserver", "-p"));
        assertEquals(0, server.exit(), server.out());
        // the first call creates the prefix (about ten seconds); one prefix serves the whole class
        Result r = wine(180, "reg", "add", "HKCU\\Software\\imelab-wine", "/f");
        assertEquals(0, r.exit(), r.out());
    }

    @AfterAll
    static void stopWineserver() throws Exception {
        if (onPath("wineserver")) {
            run(30, List.of("wineserver", "-k"));
        }
    }

    /** A tree whose values sort by name in insertion order, as Wine enumerates them. */
    private static MemoryRegistry ours() {
        MemoryRegistry reg = new MemoryRegistry();
        RegPath exact = OURS.child("Exact");
        byte[] hundred = new byte[100];
        for (int i = 0; i < hundred.length; i++) {
            hundred[i] = (byte) (i * 7);
        }
        reg.put(exact, "", RegValue.sz("default value"));
        reg.put(exact, "A binary", new RegValue.Binary(hundred));
        reg.put(exact, "B dword", RegValue.dword(42));
        reg.put(exact, "C dword max", RegValue.dword(-1));
        reg.put(exact, "D qword", RegValue.qword(0x0123456789abcdefL));
        reg.put(exact, "E expand", new RegValue.ExpandSz("%SystemRoot%\\System32;%ProgramData%\\Microsoft"));
        reg.put(exact, "F multi", new RegValue.MultiSz(List.of("first", "second", "third")));
        reg.put(exact, "G none", new RegValue.None(new byte[] {1, 2, 3}));
        reg.put(exact, "H quote\"back\\slash", RegValue.sz("C:\\Program Files\\\"x\""));
        reg.put(exact, "I empty", RegValue.sz(""));
        reg.put(exact, "J empty binary", new RegValue.Binary(new byte[0]));
        reg.put(exact, "K big endian", new RegValue.Raw(5, new byte[] {0, 0, 0, 42}));
        reg.put(exact, "L unicode", RegValue.sz("Grüße 日本"));
        reg.put(exact, "M long multi", new RegValue.MultiSz(List.of("IntuneManagementExtension", "AgentExecutor", "HealthScripts")));
        reg.createKey(exact.child("Empty key"));
        reg.put(exact.child("Sub", "Deeper"), "x", RegValue.dword(1));
        // Wine writes a line break inside a REG_SZ as \n rather than as our hex(1): same value, other text
        reg.put(OURS.child("Escaped"), "line break", RegValue.sz("two\r\nlines"));
        return reg;
    }

    @Test
    void whatWeExportWineImportsToTheSameKeysTypesAndData() throws Exception {
        MemoryRegistry source = ours();
        Path file = home.resolve("ours.reg");
        RegExport.export(source, OURS, file);
        Result imported = wine(60, "regedit", "/S", windowsPath(file));
        assertEquals(0, imported.exit(), imported.out());

        // Wine's own export of what it imported is byte for byte ours
        Path back = home.resolve("back.reg");
        Result exported = wine(60, "reg", "export", OURS.child("Exact").toString(), windowsPath(back), "/y");
        assertEquals(0, exported.exit(), exported.out());
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        RegExport.export(source, OURS.child("Exact"), expected);
        assertEquals(text(expected.toByteArray()), text(Files.readAllBytes(back)));
        assertArrayEquals(expected.toByteArray(), Files.readAllBytes(back));

        // and the whole tree, read back through Wine's export, is the same tree
        Result all = wine(60, "reg", "export", OURS.toString(), windowsPath(back), "/y");
        assertEquals(0, all.exit(), all.out());
        MemoryRegistry roundTrip = new MemoryRegistry();
        RegImport.importFile(roundTrip, back);
        RegistryTrees.assertSameTree(source, roundTrip, OURS);

        // reg query lists the same types and data (ASCII values: reg.exe prints in the OEM code page)
        Map<String, String[]> listed = query(OURS.child("Exact"));
        for (Map.Entry<String, RegValue> e : source.values(OURS.child("Exact")).entrySet()) {
            RegValue v = e.getValue();
            String name = e.getKey().isEmpty() ? "(Default)" : e.getKey();
            String[] row = listed.get(name);
            assertTrue(row != null, name + " missing from " + listed.keySet());
            assertEquals(v.type().name(), row[0], name);
            boolean comparable = v.display().chars().allMatch(c -> c < 128)
                    && !(v instanceof RegValue.Qword) // Wine's reg query prints "(null)" for a QWORD
                    && !(v instanceof RegValue.Raw);
            if (comparable) {
                assertEquals(v.display(), row[1], name);
            }
        }
    }

    @Test
    void deletionsInOurFilesAreAppliedByWine() throws Exception {
        RegPath key = OURS.child("ToDelete");
        MemoryRegistry source = new MemoryRegistry();
        source.put(key, "keep", RegValue.dword(1));
        source.put(key, "drop", RegValue.dword(2));
        source.put(key.child("Gone", "Below"), "x", RegValue.dword(3));
        Path file = home.resolve("create.reg");
        RegExport.export(source, key, file);
        assertEquals(0, wine(60, "regedit", "/S", windowsPath(file)).exit());
        Path deletions = home.resolve("delete.reg");
        try (RegFileWriter w = RegFileWriter.utf16(Files.newOutputStream(deletions))) {
            w.ops(List.of(new RegOp.DeleteTree(key.child("Gone")), new RegOp.DeleteValue(key, "drop")));
        }
        assertEquals(0, wine(60, "regedit", "/S", windowsPath(deletions)).exit());
        Map<String, String[]> left = query(key);
        assertEquals(List.of("keep"), new ArrayList<>(left.keySet()), "values left");
        assertEquals(1, wine(60, "reg", "query", key.child("Gone").toString()).exit(), "the subtree is gone");
    }

    @Test
    void whatWineExportsWeImportExactly() throws Exception {
        String k = THEIRS.toString();
        byte[] binary = HexFormat.of().parseHex("00112233445566778899aabbccddeeff".repeat(4));
        Map<String, RegValue> expected = new LinkedHashMap<>();
        expected.put("", RegValue.sz("default"));
        expected.put("Binary", new RegValue.Binary(binary));
        expected.put("Dword", RegValue.dword(42));
        expected.put("ExpandSz", new RegValue.ExpandSz("%PATH%;C:\\Tools"));
        expected.put("MultiSz", new RegValue.MultiSz(List.of("one", "two", "three")));
        expected.put("None", new RegValue.None("abc\0".getBytes(StandardCharsets.UTF_16LE)));
        expected.put("Qword", RegValue.qword(0x123456789L));
        expected.put("Sz", RegValue.sz("plain text with \\ backslash"));
        add(k, "/ve", "/t", "REG_SZ", "/d", "default");
        add(k, "/v", "Binary", "/t", "REG_BINARY", "/d", HexFormat.of().formatHex(binary));
        add(k, "/v", "Dword", "/t", "REG_DWORD", "/d", "42");
        add(k, "/v", "ExpandSz", "/t", "REG_EXPAND_SZ", "/d", "%PATH%;C:\\Tools");
        add(k, "/v", "MultiSz", "/t", "REG_MULTI_SZ", "/d", "one\\0two\\0three");
        add(k, "/v", "None", "/t", "REG_NONE", "/d", "abc");
        add(k, "/v", "Qword", "/t", "REG_QWORD", "/d", "0x123456789");
        add(k, "/v", "Sz", "/t", "REG_SZ", "/d", "plain text with \\ backslash");
        add(k + "\\Sub\\Deeper", "/v", "x", "/t", "REG_DWORD", "/d", "7");

        Path byReg = home.resolve("reg-export.reg");
        assertEquals(0, wine(60, "reg", "export", k, windowsPath(byReg), "/y").exit());
        Path byRegedit = home.resolve("regedit-export.reg");
        assertEquals(0, wine(60, "regedit", "/E", windowsPath(byRegedit), k).exit());
        for (Path file : List.of(byReg, byRegedit)) {
            MemoryRegistry imported = new MemoryRegistry();
            RegImport.importFile(imported, file);
            assertEquals(expected, imported.values(THEIRS), file.getFileName().toString());
            assertEquals(List.of("Sub"), imported.subKeys(THEIRS));
            assertEquals(Map.of("x", RegValue.dword(7)), imported.values(THEIRS.child("Sub", "Deeper")));
        }
    }

    private static void add(String key, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("reg", "add", key));
        cmd.addAll(List.of(args));
        cmd.add("/f");
        Result r = wine(60, cmd.toArray(String[]::new));
        assertEquals(0, r.exit(), String.join(" ", cmd) + ": " + r.out());
    }

    /** {@code reg query key}: value name to {type, data}. */
    private static Map<String, String[]> query(RegPath key) throws Exception {
        Result r = wine(60, "reg", "query", key.toString());
        assertEquals(0, r.exit(), r.out());
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line : r.out().split("\r?\n")) {
            if (line.startsWith("    ")) {
                String[] cols = line.substring(4).split(" {4}", 3);
                rows.put(cols[0], new String[] {cols[1], cols.length > 2 ? cols[2] : ""});
            }
        }
        return rows;
    }

    private static String text(byte[] utf16) {
        return new String(utf16, StandardCharsets.UTF_16LE);
    }

    /** Wine's Z: drive is the Unix root. */
    private static String windowsPath(Path p) {
        return "Z:" + p.toAbsolutePath().toString().replace('/', '\\');
    }

    private static Result wine(int timeoutSeconds, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add("wine");
        cmd.addAll(List.of(args));
        return run(timeoutSeconds, cmd);
    }

    private static Result run(int timeoutSeconds, List<String> cmd) throws Exception {
        // output to a file: a pipe would also be held open by any Wine process left running
        Path out = Files.createTempFile(home, "wine", ".out");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
        Map<String, String> env = pb.environment();
        env.put("WINEPREFIX", home.resolve("prefix").toString());
        env.put("WINEDEBUG", "-all");
        env.put("WINEDLLOVERRIDES", "mscoree,mshtml="); // no Mono/Gecko installer dialogs
        env.remove("DISPLAY");
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + cmd);
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1));
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }
}
