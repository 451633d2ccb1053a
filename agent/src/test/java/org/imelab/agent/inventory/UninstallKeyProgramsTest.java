package org.imelab.agent.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.List;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.RegistryView;
import org.imelab.registry.memory.MemoryRegistry;
import org.junit.jupiter.api.Test;

class UninstallKeyProgramsTest {

    @Test
    void readsBothViewsAndTheUserAndSkipsWhatProgramsAndFeaturesHides() {
        MemoryRegistry reg = new MemoryRegistry();
        RegPath hklm = RegPath.parse("HKLM\\" + UninstallKeyPrograms.UNINSTALL);
        RegPath msi = hklm.child("{6E0911DD-6755-4EB7-8A75-BA02E685232B}");
        reg.put(msi, "DisplayName", RegValue.sz("Lab Tool"));
        reg.put(msi, "DisplayVersion", RegValue.sz("1.2.3"));
        reg.put(msi, "Publisher", RegValue.sz("imelab"));
        reg.put(msi, "Language", RegValue.dword(1033));
        reg.put(msi, "InstallDate", RegValue.sz("20261122"));
        reg.put(hklm.child("Hidden"), "DisplayName", RegValue.sz("Hidden"));
        reg.put(hklm.child("Hidden"), "SystemComponent", RegValue.dword(1));
        reg.put(hklm.child("KB123"), "DisplayName", RegValue.sz("Update"));
        reg.put(hklm.child("KB123"), "ParentKeyName", RegValue.sz("Office"));
        reg.put(hklm.child("NoName"), "Publisher", RegValue.sz("x"));
        RegPath wow = hklm.withView(RegistryView.VIEW_32).child("Tool32");
        reg.put(wow, "DisplayName", RegValue.sz("Tool 32"));
        RegPath user = RegPath.parse("HKCU\\" + UninstallKeyPrograms.UNINSTALL).child("UserApp");
        reg.put(user, "DisplayName", RegValue.sz("User App"));

        List<InstalledProgram> list = new UninstallKeyPrograms(reg).list().stream()
                .sorted(Comparator.comparing(InstalledProgram::name)).toList();

        assertEquals(List.of("Lab Tool", "Tool 32", "User App"), list.stream().map(InstalledProgram::name).toList());
        InstalledProgram tool = list.get(0);
        assertEquals("1.2.3", tool.version());
        assertEquals("imelab", tool.publisher());
        assertEquals("{6E0911DD-6755-4EB7-8A75-BA02E685232B}", tool.productCode());
        assertEquals("1033", tool.language());
        assertEquals("20261122", tool.installDate());
        assertEquals("HKLM32\\Tool32", list.get(1).identity());
    }
}
