package org.imelab.agent.cli.reg;

import static org.imelab.agent.cli.reg.RegCli.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.ime.Applicability;
import org.imelab.registry.ime.ComplianceState;
import org.imelab.registry.ime.ComplianceStateMessage;
import org.imelab.registry.ime.DesiredState;
import org.imelab.registry.ime.ImeRegistry;
import org.imelab.registry.ime.InstallContext;
import org.imelab.registry.ime.Scope;
import org.imelab.registry.ime.TargetType;
import org.imelab.registry.ime.TargetingMethod;
import org.imelab.registry.ime.Win32AppKey;
import org.imelab.registry.memory.MemoryRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code imelab reg query|add|delete} against reg.exe's output shape, messages and exit codes. */
class RegCommandTest {
    static final String NOT_FOUND = "ERROR: The system was unable to find the specified registry key or value.";
    static final String OK = "The operation completed successfully.";
    static final String KEY = "HKCU\\Software\\T";

    final MemoryRegistry registry = new MemoryRegistry();

    RegCli.Result reg(String... args) {
        return answering("", args);
    }

    RegCli.Result answering(String stdin, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "reg";
        System.arraycopy(args, 0, all, 1, args.length);
        return RegCli.on(() -> registry, stdin, all);
    }

    @Test
    void addThenQueryPrintsWhatRegExePrints() {
        assertEquals(new RegCli.Result(0, lines(OK), ""), reg("add", KEY, "/v", "val", "/d", "data", "/f"));
        assertEquals(0, reg("add", KEY, "/ve", "/d", "def", "/f").exitCode());
        assertEquals(0, reg("add", KEY + "\\sub", "/v", "x", "/t", "REG_DWORD", "/d", "1", "/f").exitCode());
        assertEquals(0, reg("add", KEY + "\\empty").exitCode());

        assertEquals(new RegCli.Result(0, lines(
                "",
                "HKEY_CURRENT_USER\\Software\\T",
                "    val    REG_SZ    data",
                "    (Default)    REG_SZ    def",
                "",
                "HKEY_CURRENT_USER\\Software\\T\\empty",
                "HKEY_CURRENT_USER\\Software\\T\\sub"), ""), reg("query", KEY));

        assertEquals(lines(
                "",
                "HKEY_CURRENT_USER\\Software\\T",
                "    val    REG_SZ    data",
                "    (Default)    REG_SZ    def",
                "",
                "HKEY_CURRENT_USER\\Software\\T\\empty",
                "",
                "HKEY_CURRENT_USER\\Software\\T\\sub",
                "    x    REG_DWORD    0x1",
                ""), reg("query", KEY, "/s").out());

        assertEquals(lines("", "HKEY_CURRENT_USER\\Software\\T", "    val    REG_SZ    data", ""),
                reg("query", KEY, "/v", "val").out());
        assertEquals(lines("", "HKEY_CURRENT_USER\\Software\\T", "    (Default)    REG_SZ    def", ""),
                reg("query", KEY, "/ve").out());
        assertEquals(lines("", "HKEY_CURRENT_USER\\Software\\T\\sub", "    x    REG_DWORD    0x1", "",
                "End of search: 1 match(es) found."), reg("query", KEY, "/v", "x", "/s").out());
    }

    @Test
    void absentKeysAndValuesFailWithRegExesMessage() {
        assertEquals(new RegCli.Result(1, "", lines(NOT_FOUND)), reg("query", "HKLM\\SOFTWARE\\Nope"));
        registry.createKey(RegPath.parse(KEY));
        assertEquals(1, reg("query", KEY, "/v", "nope").exitCode());
        assertEquals(lines(NOT_FOUND), reg("query", KEY, "/v", "nope").err());
        // an unset default value is shown, not an error
        assertEquals(new RegCli.Result(0, lines("", "HKEY_CURRENT_USER\\Software\\T",
                "    (Default)    REG_SZ    (value not set)", ""), ""), reg("query", KEY, "/ve"));
        assertEquals(new RegCli.Result(1, "", lines(NOT_FOUND)), reg("delete", KEY, "/v", "nope", "/f"));
        assertEquals(new RegCli.Result(1, "", lines(NOT_FOUND)), reg("delete", KEY + "\\nope", "/f"));
    }

    @Test
    void everyTypeIsStoredAsRegExeStoresIt() {
        RegPath key = RegPath.parse(KEY);
        reg("add", KEY, "/v", "dec", "/t", "REG_DWORD", "/d", "4294967295", "/f");
        reg("add", KEY, "/v", "hex", "/t", "reg_dword", "/d", "0x7D0", "/f");
        reg("add", KEY, "/v", "q", "/t", "REG_QWORD", "/d", "0x100000000", "/f");
        reg("add", KEY, "/v", "bin", "/t", "REG_BINARY", "/d", "01ab", "/f");
        reg("add", KEY, "/v", "m", "/t", "REG_MULTI_SZ", "/d", "a\\0b", "/f");
        reg("add", KEY, "/v", "m2", "/t", "REG_MULTI_SZ", "/s", ",", "/d", "x,y,z", "/f");
        reg("add", KEY, "/v", "ex", "/t", "REG_EXPAND_SZ", "/d", "%SystemRoot%\\x", "/f");
        reg("add", KEY, "/v", "n", "/t", "REG_NONE", "/d", "ab", "/f");
        reg("add", KEY, "/v", "be", "/t", "REG_DWORD_BIG_ENDIAN", "/d", "1", "/f");

        Map<String, RegValue> v = registry.values(key);
        assertEquals(RegValue.dword(-1), v.get("dec"));
        assertEquals(RegValue.dword(2000), v.get("hex"));
        assertEquals(RegValue.qword(0x1_0000_0000L), v.get("q"));
        assertEquals(new RegValue.Binary(new byte[] {1, (byte) 0xAB}), v.get("bin"));
        assertEquals(new RegValue.MultiSz(List.of("a", "b")), v.get("m"));
        assertEquals(new RegValue.MultiSz(List.of("x", "y", "z")), v.get("m2"));
        assertEquals(new RegValue.ExpandSz("%SystemRoot%\\x"), v.get("ex"));
        assertEquals(new RegValue.None(new byte[] {'a', 0, 'b', 0, 0, 0}), v.get("n"));
        assertEquals(new RegValue.Raw(5, new byte[] {0, 0, 0, 1}), v.get("be"));

        String out = reg("query", KEY).out();
        assertTrue(out.contains(lines("    dec    REG_DWORD    0xffffffff")), out);
        assertTrue(out.contains(lines("    q    REG_QWORD    0x100000000")), out);
        assertTrue(out.contains(lines("    bin    REG_BINARY    01AB")), out);
        assertTrue(out.contains(lines("    m    REG_MULTI_SZ    a\\0b")), out);
        assertTrue(out.contains(lines("    n    REG_NONE    610062000000")), out);
        assertTrue(out.contains(lines("    be    REG_DWORD_BIG_ENDIAN    00000001")), out);
    }

    @Test
    void overwritingAsksUnlessForced() {
        reg("add", KEY, "/v", "val", "/d", "one");
        RegCli.Result no = answering("n\n", "add", KEY, "/v", "val", "/d", "two");
        assertEquals(0, no.exitCode());
        assertEquals("Value val exists, overwrite (Yes/No)? " + lines("The operation was canceled by the user."), no.out());
        assertEquals(Optional.of(RegValue.sz("one")), registry.get(RegPath.parse(KEY), "val"));

        assertEquals(0, answering("Yes\n", "add", KEY, "/v", "val", "/d", "two").exitCode());
        assertEquals(Optional.of(RegValue.sz("two")), registry.get(RegPath.parse(KEY), "val"));
        // no answer at all (end of input) is a no
        answering("", "delete", KEY);
        assertTrue(registry.exists(RegPath.parse(KEY)));
    }

    @Test
    void deleteValueDefaultAllValuesOrTheWholeKey() {
        RegPath key = RegPath.parse(KEY);
        registry.put(key, "", RegValue.sz("d"));
        registry.put(key, "a", RegValue.dword(1));
        registry.put(key, "b", RegValue.dword(2));
        registry.put(key.child("sub"), "c", RegValue.dword(3));

        assertEquals(new RegCli.Result(0, lines(OK), ""), reg("delete", KEY, "/v", "a", "/f"));
        assertEquals(0, answering("y\n", "delete", KEY, "/ve").exitCode());
        assertEquals(Map.of("b", RegValue.dword(2)), registry.values(key));
        registry.put(key, "e", RegValue.dword(5));
        assertEquals(0, reg("delete", KEY, "/va", "/f").exitCode());
        assertEquals(Map.of(), registry.values(key));
        assertTrue(registry.exists(key.child("sub")));

        assertEquals(0, reg("delete", KEY, "/f").exitCode());
        assertFalse(registry.exists(key));
    }

    @Test
    void badSyntaxChangesNothing() {
        for (String[] args : List.of(
                new String[] {"add", KEY, "/v", "x", "/t", "REG_DWORD", "/d", "lots", "/f"},
                new String[] {"add", KEY, "/v", "x", "/t", "REG_DWORD", "/d", "4294967296", "/f"},
                new String[] {"add", KEY, "/v", "x", "/ve", "/f"},
                new String[] {"add", KEY, "/v", "x", "/t", "REG_LINK", "/f"},
                new String[] {"add", KEY, "/v", "x", "/t", "REG_BINARY", "/d", "zz", "/f"},
                new String[] {"add", KEY, "/v", "x", "/s", ",", "/f"},
                new String[] {"add", KEY, "/v"},
                new String[] {"add", KEY, "/reg:32", "/reg:64"},
                new String[] {"add", "HKXX\\Software", "/f"},
                new String[] {"add", "\\\\server\\HKLM\\Software", "/f"},
                new String[] {"query", KEY, "/z"},
                new String[] {"delete", KEY, "/v", "x", "/va"},
                new String[] {"query"})) {
            RegCli.Result r = reg(args);
            assertEquals(1, r.exitCode(), String.join(" ", args));
            assertTrue(r.err().startsWith("ERROR: Invalid syntax."), r.err());
            assertTrue(r.err().contains("Type \"imelab reg " + args[0] + " /?\" for usage."), r.err());
        }
        assertFalse(registry.exists(RegPath.parse(KEY)));
    }

    @Test
    void eachSyntaxErrorSaysWhatIsWrong() {
        Map<List<String>, String> cases = new LinkedHashMap<>();
        cases.put(List.of("add", KEY, "-v", "x", "/V", "y"), "/V given twice.");
        cases.put(List.of("add", KEY, KEY), "Unexpected argument: " + KEY);
        cases.put(List.of("add", KEY, "/q"), "Unknown switch /q.");
        cases.put(List.of("add", KEY, "/d"), "/d needs a value.");
        cases.put(List.of("add", "/f"), "A key name is needed.");
        cases.put(List.of("query", KEY, "/v", "a", "/v", "b"), "/v given twice.");
        cases.put(List.of("query", KEY, "/reg:64", "/reg:32"), "Give /reg:32 or /reg:64 once.");
        cases.put(List.of("delete", KEY, "/ve", "/va"), "Give one of /v, /ve and /va.");
        cases.put(List.of("export", KEY), "A key name and a file name are needed.");
        cases.put(List.of("export", KEY, "a.reg", "b.reg"), "Unexpected argument: b.reg");
        cases.put(List.of("export", KEY, "a.reg", "/f"), "Unknown switch /f.");
        cases.put(List.of("import", "a.reg", "/y"), "Unknown switch /y.");
        cases.put(List.of("import"), "A file name is needed.");
        cases.forEach((args, message) -> {
            RegCli.Result r = reg(args.toArray(String[]::new));
            assertEquals(1, r.exitCode(), String.join(" ", args));
            assertEquals("ERROR: Invalid syntax.", r.err().lines().findFirst().orElse(""), r.err());
            assertEquals(message, r.err().lines().skip(1).findFirst().orElse(""), String.join(" ", args));
        });
        assertFalse(registry.exists(RegPath.parse(KEY)));
    }

    @Test
    void switchesTakeEitherPrefixAndAnyCase() {
        assertEquals(0, reg("add", KEY, "-V", "x", "/t", "REG_SZ", "-D", "y", "/F").exitCode());
        assertEquals(Optional.of(RegValue.sz("y")), registry.get(RegPath.parse(KEY), "x"));
        assertEquals(0, reg("query", "hkey_current_user\\software\\t", "/V", "X").exitCode());
    }

    @Test
    void theThirtyTwoBitViewIsRedirectedLikeWindowsDoes() {
        assertEquals(0, reg("add", "HKLM\\SOFTWARE\\Vendor", "/v", "x", "/d", "32", "/f", "/reg:32").exitCode());
        assertEquals(Optional.of(RegValue.sz("32")), registry.get(RegPath.parse("HKLM\\SOFTWARE\\WOW6432Node\\Vendor"), "x"));
        assertEquals(1, reg("query", "HKLM\\SOFTWARE\\Vendor").exitCode());
        assertEquals(0, reg("query", "HKLM\\SOFTWARE\\Vendor", "/reg:32").exitCode());
    }

    @Test
    void showsTheImesOwnKeysAsAdminScriptsSeeThem() {
        new ImeRegistry(registry).win32Apps().writeCompliance(Scope.DEVICE,
                Win32AppKey.of("6e0911dd-6755-4eb7-8a75-ba02e685232b", 1),
                ComplianceStateMessage.of(Applicability.Applicable, ComplianceState.Installed, DesiredState.Present,
                        null, TargetingMethod.EgatTargetedApplication, InstallContext.System, TargetType.Device),
                Instant.parse("2026-01-15T09:05:07Z"));
        String root = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\IntuneManagementExtension\\Win32Apps\\"
                + "00000000-0000-0000-0000-000000000000\\6e0911dd-6755-4eb7-8a75-ba02e685232b_1";
        assertEquals(lines("",
                root,
                "    LastUpdatedTimeUtc    REG_SZ    01/15/2026 09:05:07",
                "",
                root + "\\ComplianceStateMessage",
                "    ComplianceStateMessage    REG_SZ    {\"Applicability\":0,\"ComplianceState\":1,\"DesiredState\":2,"
                        + "\"ErrorCode\":null,\"TargetingMethod\":0,\"InstallContext\":2,\"TargetType\":2,"
                        + "\"ProductVersion\":null,\"AssignmentFilterIds\":null}",
                ""), reg("query", "HKLM\\SOFTWARE\\Microsoft\\IntuneManagementExtension\\Win32Apps\\"
                + "00000000-0000-0000-0000-000000000000\\6e0911dd-6755-4eb7-8a75-ba02e685232b_1", "/s").out());
    }

    @Test
    void anUnknownBackendIsAClearError(@TempDir Path home) {
        RegCli.Result r = RegCli.run("--home", home.toString(), "--registry", "cloud", "reg", "query", KEY);
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("Unknown registry backend 'cloud'"), r.err());
        // global options may also follow the verb, as picocli passes them down
        RegCli.Result after = RegCli.run("reg", "query", KEY, "--home", home.toString(), "--registry", "cloud");
        assertEquals(1, after.exitCode());
        assertTrue(after.err().contains("Unknown registry backend 'cloud'"), after.err());
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theWindowsBackendIsRefusedElsewhere(@TempDir Path home) {
        RegCli.Result r = RegCli.run("--home", home.toString(), "--registry", "windows", "reg", "query", KEY);
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("needs Windows"), r.err());
    }
}
