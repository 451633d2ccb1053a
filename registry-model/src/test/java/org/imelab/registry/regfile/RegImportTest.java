package org.imelab.registry.regfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.RegistryTrees;
import org.imelab.registry.RegistryView;
import org.imelab.registry.memory.MemoryRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegImportTest {
    static final RegPath BASE = RegPath.parse("HKLM\\SOFTWARE\\Microsoft\\IntuneManagementExtension");

    @TempDir
    Path dir;

    @Test
    void exportThenImportGivesTheSameTree() throws Exception {
        MemoryRegistry source = new MemoryRegistry();
        RegistryTrees.fill(source, BASE);
        Path file = dir.resolve("ime.reg");
        RegExport.export(source, BASE, file);
        MemoryRegistry target = new MemoryRegistry();
        RegImport.importFile(target, file);
        RegistryTrees.assertSameTree(source, target, BASE);
    }

    @Test
    void malformedFileIsRefusedWithItsLineAndNothingIsImported() throws Exception {
        MemoryRegistry reg = new MemoryRegistry();
        reg.put(BASE, "Keep", RegValue.sz("untouched"));
        Path file = dir.resolve("bad.reg");
        Files.writeString(file, "Windows Registry Editor Version 5.00\r\n\r\n"
                + "[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\IntuneManagementExtension]\r\n\r\n"
                + "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\IntuneManagementExtension\\New]\r\n"
                + "\"Fine\"=dword:00000001\r\n"
                + "\"Broken\"=hex:01,02,zz\r\n", StandardCharsets.UTF_8);
        RegFileException e = assertThrows(RegFileException.class, () -> RegImport.importFile(reg, file));
        assertEquals(7, e.line());
        assertTrue(e.getMessage().contains("bad.reg, line 7"), e.getMessage());
        assertEquals(Optional.of(RegValue.sz("untouched")), reg.get(BASE, "Keep"));
        assertFalse(reg.exists(BASE.child("New")));
    }

    @Test
    void importIntoThe32BitViewLandsUnderWow6432Node() throws Exception {
        Path file = dir.resolve("x86.reg");
        Files.writeString(file, "REGEDIT4\n\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor]\n\"v\"=\"1\"\n");
        MemoryRegistry reg = new MemoryRegistry();
        RegImport.importFile(reg, file, RegistryView.VIEW_32);
        assertEquals(Optional.of(RegValue.sz("1")), reg.get(RegPath.parse("HKLM\\SOFTWARE\\WOW6432Node\\Vendor"), "v"));
        assertFalse(reg.exists(RegPath.parse("HKLM\\SOFTWARE\\Vendor")));
    }
}
