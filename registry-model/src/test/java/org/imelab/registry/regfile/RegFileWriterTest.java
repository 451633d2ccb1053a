package org.imelab.registry.regfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.imelab.registry.RegOp;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.RegistryException;
import org.imelab.registry.memory.MemoryRegistry;
import org.junit.jupiter.api.Test;

/** The exact bytes regedit / reg export write (layouts as documented by Wine's conformance tests against Windows). */
class RegFileWriterTest {
    private static final RegPath BASE = RegPath.parse("HKCU\\Software\\Wine\\reg_test");

    private static String export(MemoryRegistry reg, RegPath key) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RegExport.export(reg, key, out);
        byte[] bytes = out.toByteArray();
        assertEquals(0xff, bytes[0] & 0xff, "UTF-16LE byte order mark");
        assertEquals(0xfe, bytes[1] & 0xff, "UTF-16LE byte order mark");
        return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
    }

    @Test
    void emptyKey() throws Exception {
        MemoryRegistry reg = new MemoryRegistry();
        reg.createKey(BASE);
        assertEquals("Windows Registry Editor Version 5.00\r\n\r\n"
                + "[HKEY_CURRENT_USER\\Software\\Wine\\reg_test]\r\n\r\n", export(reg, BASE));
    }

    @Test
    void everyTypeAndTheLayoutOfSubkeys() throws Exception {
        MemoryRegistry reg = new MemoryRegistry();
        reg.put(BASE, "DWORD", RegValue.dword(0x100));
        reg.put(BASE, "String", RegValue.sz("Your text here..."));
        RegPath sub1 = BASE.child("Subkey1");
        reg.put(sub1, "Binary", new RegValue.Binary(new byte[] {0x11, 0x22, 0x33, 0x44}));
        reg.put(sub1, "Undefined hex", new RegValue.Raw(0x100, "%PATH%\0".getBytes(StandardCharsets.US_ASCII)));
        RegPath sub2a = BASE.child("Subkey2a");
        reg.put(sub2a, "double\"quote", RegValue.sz("\"Hello, World!\""));
        reg.put(sub2a, "single'quote", RegValue.dword(8));
        RegPath sub2b = sub2a.child("Subkey2b");
        reg.put(sub2b, "", RegValue.sz("Default value name"));
        reg.put(sub2b, "Multiple strings", new RegValue.MultiSz(List.of("Line1", "Line2", "Line3")));
        reg.put(BASE.child("Subkey3a"), "Backslash", RegValue.sz("Use \\\\ to escape a backslash"));
        reg.createKey(BASE.child("Subkey3a", "Subkey3b"));
        RegPath sub3c = BASE.child("Subkey3a\\Subkey3b\\Subkey3c");
        reg.put(sub3c, "String expansion", new RegValue.ExpandSz("%HOME%\\%PATH%"));
        reg.put(sub3c, "Zero data type", new RegValue.None("Value\0".getBytes(StandardCharsets.US_ASCII)));
        RegPath sub4 = BASE.child("Subkey4");
        reg.put(sub4, "", RegValue.dword(0x12345678));
        reg.put(sub4, "43981", new RegValue.Raw(0xabcd, "Value\0".getBytes(StandardCharsets.US_ASCII)));
        reg.put(sub4, "Q", RegValue.qword(0x0102030405060708L));

        String k = "[HKEY_CURRENT_USER\\Software\\Wine\\reg_test";
        assertEquals("Windows Registry Editor Version 5.00\r\n\r\n"
                + k + "]\r\n"
                + "\"DWORD\"=dword:00000100\r\n"
                + "\"String\"=\"Your text here...\"\r\n\r\n"
                + k + "\\Subkey1]\r\n"
                + "\"Binary\"=hex:11,22,33,44\r\n"
                + "\"Undefined hex\"=hex(100):25,50,41,54,48,25,00\r\n\r\n"
                + k + "\\Subkey2a]\r\n"
                + "\"double\\\"quote\"=\"\\\"Hello, World!\\\"\"\r\n"
                + "\"single'quote\"=dword:00000008\r\n\r\n"
                + k + "\\Subkey2a\\Subkey2b]\r\n"
                + "@=\"Default value name\"\r\n"
                + "\"Multiple strings\"=hex(7):4c,00,69,00,6e,00,65,00,31,00,00,00,4c,00,69,00,6e,\\\r\n"
                + "  00,65,00,32,00,00,00,4c,00,69,00,6e,00,65,00,33,00,00,00,00,00\r\n\r\n"
                + k + "\\Subkey3a]\r\n"
                + "\"Backslash\"=\"Use \\\\\\\\ to escape a backslash\"\r\n\r\n"
                + k + "\\Subkey3a\\Subkey3b]\r\n\r\n"
                + k + "\\Subkey3a\\Subkey3b\\Subkey3c]\r\n"
                + "\"String expansion\"=hex(2):25,00,48,00,4f,00,4d,00,45,00,25,00,5c,00,25,00,50,\\\r\n"
                + "  00,41,00,54,00,48,00,25,00,00,00\r\n"
                + "\"Zero data type\"=hex(0):56,61,6c,75,65,00\r\n\r\n"
                + k + "\\Subkey4]\r\n"
                + "@=dword:12345678\r\n"
                + "\"43981\"=hex(abcd):56,61,6c,75,65,00\r\n"
                + "\"Q\"=hex(b):08,07,06,05,04,03,02,01\r\n\r\n", export(reg, BASE));
    }

    @Test
    void longHexDataFoldsAtRegeditsWidth() {
        byte[] data = new byte[100];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        String text = RegFileFormat.valueLine("bin", new RegValue.Binary(data));
        String[] lines = text.split("\r\n");
        // "bin"=hex: is 10 columns; 23 bytes reach column 79, then 25 bytes per continuation line
        assertEquals(5, lines.length);
        assertEquals("\"bin\"=hex:00,01,02,03,04,05,06,07,08,09,0a,0b,0c,0d,0e,0f,10,11,12,13,14,15,16,\\", lines[0]);
        assertEquals("  17,18,19,1a,1b,1c,1d,1e,1f,20,21,22,23,24,25,26,27,28,29,2a,2b,2c,2d,2e,2f,\\", lines[1]);
        assertEquals(78, lines[1].length());
        assertEquals("  62,63", lines[4]);
        for (String l : lines) {
            assertEquals(true, l.length() <= 80, l);
        }
    }

    @Test
    void emptyDataOfEachType() {
        assertEquals("\"a\"=hex(0):", RegFileFormat.valueLine("a", new RegValue.None(new byte[0])));
        assertEquals("\"a\"=hex:", RegFileFormat.valueLine("a", new RegValue.Binary(new byte[0])));
        assertEquals("\"a\"=\"\"", RegFileFormat.valueLine("a", RegValue.sz("")));
        assertEquals("\"a\"=hex(7):00,00", RegFileFormat.valueLine("a", new RegValue.MultiSz(List.of())));
        assertEquals("\"a\"=hex(4):", RegFileFormat.valueLine("a", new RegValue.Raw(4, new byte[0])));
    }

    @Test
    void stringsThatQuotesCannotCarryAreWrittenAsHex() {
        // line breaks would break the file and an inner NUL would be cut by regedit: hex(1) keeps every byte
        assertEquals("\"a\"=hex(1):61,00,0a,00,62,00,00,00", RegFileFormat.valueLine("a", RegValue.sz("a\nb")));
        assertEquals("\"a\"=hex(1):61,00,00,00,62,00,00,00", RegFileFormat.valueLine("a", RegValue.sz("a\0b")));
        assertEquals("\"a\"=\"Grüße 日本 🎉\"", RegFileFormat.valueLine("a", RegValue.sz("Grüße 日本 🎉")));
        assertEquals("\"a\"=dword:ffffffff", RegFileFormat.valueLine("a", RegValue.dword(-1)));
        // a line break in a name cannot be written raw either: escaped as Wine does
        assertEquals("\"a\\nb\\\\\"=dword:00000001", RegFileFormat.valueLine("a\nb\\", RegValue.dword(1)));
    }

    @Test
    void opsBecomeSectionsThatReadBackToTheSameChanges() throws Exception {
        RegPath a = BASE.child("A");
        List<RegOp> ops = List.of(
                new RegOp.Put(a, "x", RegValue.sz("1")),
                new RegOp.Put(a, "y", RegValue.dword(2)),
                new RegOp.DeleteValue(a, "z"),
                new RegOp.DeleteTree(BASE.child("B")),
                new RegOp.CreateKey(BASE.child("C")),
                new RegOp.Put(BASE, "", RegValue.sz("d")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RegFileWriter w = RegFileWriter.utf16(out)) {
            w.ops(ops);
        }
        String text = new String(out.toByteArray(), 2, out.size() - 2, StandardCharsets.UTF_16LE);
        assertEquals("Windows Registry Editor Version 5.00\r\n\r\n"
                + "[HKEY_CURRENT_USER\\Software\\Wine\\reg_test\\A]\r\n\"x\"=\"1\"\r\n\"y\"=dword:00000002\r\n\"z\"=-\r\n\r\n"
                + "[-HKEY_CURRENT_USER\\Software\\Wine\\reg_test\\B]\r\n\r\n"
                + "[HKEY_CURRENT_USER\\Software\\Wine\\reg_test\\C]\r\n\r\n"
                + "[HKEY_CURRENT_USER\\Software\\Wine\\reg_test]\r\n@=\"d\"\r\n\r\n", text);
        List<RegOp> back = RegFileReader.read(out.toByteArray(), "ops.reg", org.imelab.registry.RegistryView.VIEW_64);
        assertEquals(List.of(
                new RegOp.CreateKey(a),
                new RegOp.Put(a, "x", RegValue.sz("1")),
                new RegOp.Put(a, "y", RegValue.dword(2)),
                new RegOp.DeleteValue(a, "z"),
                new RegOp.DeleteTree(BASE.child("B")),
                new RegOp.CreateKey(BASE.child("C")),
                new RegOp.CreateKey(BASE),
                new RegOp.Put(BASE, "", RegValue.sz("d"))), back);
    }

    @Test
    void exportingAMissingKeyIsFileNotFound() {
        RegistryException e = assertThrows(RegistryException.class,
                () -> RegExport.export(new MemoryRegistry(), BASE, new ByteArrayOutputStream()));
        assertEquals(RegistryException.ERROR_FILE_NOT_FOUND, e.win32Error());
    }
}
