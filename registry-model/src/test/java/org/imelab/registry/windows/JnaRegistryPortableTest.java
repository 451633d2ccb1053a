package org.imelab.registry.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.platform.win32.WinNT;
import org.imelab.registry.RegOp;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.RegistryException;
import org.imelab.registry.RegistryView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** What can be checked of the Windows backend without Windows: its refusal elsewhere and its checks before any call. */
class JnaRegistryPortableTest {

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void refusesToStartOffWindowsWithAClearMessage() {
        RegistryException e = assertThrows(RegistryException.class, JnaRegistry::new);
        assertTrue(e.getMessage().contains("needs Windows"), e.getMessage());
        assertTrue(!JnaRegistry.isWindows());
    }

    @Test
    void everyCallNamesItsView() {
        RegPath key = RegPath.parse("HKLM\\SOFTWARE\\Microsoft\\IntuneManagementExtension");
        assertEquals(WinNT.KEY_WOW64_64KEY, JnaRegistry.view(key));
        assertEquals(WinNT.KEY_WOW64_32KEY, JnaRegistry.view(key.withView(RegistryView.VIEW_32)));
    }

    @Test
    void badBatchesAreRefusedBeforeAnyWrite() {
        RegistryException root = assertThrows(RegistryException.class,
                () -> JnaRegistry.validate(new RegOp.DeleteTree(RegPath.parse("HKCU"))));
        assertEquals(5, root.win32Error());
        RegistryException longName = assertThrows(RegistryException.class,
                () -> JnaRegistry.validate(new RegOp.Put(RegPath.parse("HKCU\\Software\\x"), "n".repeat(16_384),
                        RegValue.dword(1))));
        assertEquals(87, longName.win32Error());
        RegPath deep = RegPath.parse("HKCU");
        for (int i = 0; i < 513; i++) {
            deep = deep.child("k");
        }
        RegPath tooDeep = deep;
        assertEquals(87, assertThrows(RegistryException.class,
                () -> JnaRegistry.validate(new RegOp.CreateKey(tooDeep))).win32Error());
        JnaRegistry.validate(new RegOp.Put(RegPath.parse("HKCU\\Software\\x"), "n".repeat(16_383), RegValue.dword(1)));
    }
}
