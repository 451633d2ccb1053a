package org.imelab.registry.regfile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.imelab.registry.Hive;
import org.imelab.registry.RegOp;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.RegistryView;
import org.junit.jupiter.api.Test;

class RegFileReaderTest {
    private static final RegPath K = RegPath.parse("HKCU\\Software\\Wine\\regedit_test");
    private static final String KEY_LINE = "[HKEY_CURRENT_USER\\Software\\Wine\\regedit_test]";

    private static List<RegOp> parse(String text) {
        return RegFileReader.parse(text, "test.reg", RegistryView.VIEW_64);
    }

    private static RegValue only(String text) {
        List<RegOp> ops = parse(text);
        assertEquals(2, ops.size(), ops.toString());
        return ((RegOp.Put) ops.get(1)).value();
    }

    private static RegFileException malformed(String text) {
        return assertThrows(RegFileException.class, () -> parse(text));
    }

    @Test
    void regedit4WithLfCrLfOrCrLineEnds() {
        for (String nl : List.of("\n", "\r\n", "\r")) {
            List<RegOp> ops = parse("REGEDIT4" + nl + nl + KEY_LINE + nl + "\"TestValue\"=\"AValue\"" + nl);
            assertEquals(List.of(new RegOp.CreateKey(K), new RegOp.Put(K, "TestValue", RegValue.sz("AValue"))), ops);
        }
    }

    @Test
    void commentsBlankLinesDefaultValueAndContinuations() {
        List<RegOp> ops = parse("REGEDIT4\n\n" + KEY_LINE + "\n"
                + "\"Wine1\"=dword:00000782\n\n"
                + "\"Wine2\"=\"Test Value\"\n"
                + "\"Wine3\"=hex(7):4c,69,6e,65,20,\\\n"
                + "  63,6f,6e,63,61,74,65,6e,61,74,69,6f,6e,00,00\n"
                + "#comment\n"
                + "@=\"Test\"\n"
                + ";comment\n\n"
                + "  \"Wine4\" = dword:1 ; trailing comment\n"
                + "\"With=Equals\"=\"asdf\"\n"
                + "\"No newline\"=\"x\"");
        assertEquals(List.of(
                new RegOp.CreateKey(K),
                new RegOp.Put(K, "Wine1", RegValue.dword(0x782)),
                new RegOp.Put(K, "Wine2", RegValue.sz("Test Value")),
                // REGEDIT4 writes REG_MULTI_SZ in the ANSI code page
                new RegOp.Put(K, "Wine3", new RegValue.MultiSz(List.of("Line concatenation"))),
                new RegOp.Put(K, "", RegValue.sz("Test")),
                new RegOp.Put(K, "Wine4", RegValue.dword(1)),
                new RegOp.Put(K, "With=Equals", RegValue.sz("asdf")),
                new RegOp.Put(K, "No newline", RegValue.sz("x"))), ops);
    }

    @Test
    void hexContinuationsMayCarryComments() {
        String v5 = "Windows Registry Editor Version 5.00\n\n" + KEY_LINE + "\n";
        byte[] expected = {0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, (byte) 0x88};
        assertArrayEquals(expected, only(v5 + "\"a\"=hex:11,22,33,44,\\;comment\n  55,66,\\\n  77,88\n").data());
        assertArrayEquals(expected, only(v5 + "\"a\"=hex:11,22,33,44,\\\n\t55,66,77,88  \n").data());
        assertArrayEquals(new byte[] {0x11, 0x22}, only(v5 + "\"a\"=hex:11,22,\n").data());
        assertEquals(RegValue.qword(0x0102030405060708L), only(v5 + "\"q\"=hex(b):08,07,06,05,04,03,02,01\n"));
        assertEquals(new RegValue.ExpandSz("%PATH%"), only(v5 + "\"e\"=HEX(2):25,00,50,00,41,00,54,00,48,00,25,00,00,00\n"));
    }

    @Test
    void escapesInNamesAndStrings() {
        assertEquals(new RegOp.Put(K, "double\"quote", RegValue.sz("valid \"or\" not \\ x")),
                parse("REGEDIT4\n" + KEY_LINE + "\n\"double\\\"quote\"=\"valid \\\"or\\\" not \\\\ x\"\n").get(1));
        // Wine's exports escape line breaks
        assertEquals(RegValue.sz("a\nb\r\0"), only("REGEDIT4\n" + KEY_LINE + "\n\"a\"=\"a\\nb\\r\\0\"\n"));
    }

    @Test
    void deletionsAndValuesBelowADeletedKeyAreIgnoredLikeRegedit() {
        List<RegOp> ops = parse("Windows Registry Editor Version 5.00\r\n\r\n"
                + "[-HKEY_CURRENT_USER\\Software\\Gone]\r\n\"ignored\"=\"x\"\r\n\r\n"
                + KEY_LINE + "\r\n\"v\"=-\r\n@=-\r\n");
        assertEquals(List.of(
                new RegOp.DeleteTree(RegPath.parse("HKCU\\Software\\Gone")),
                new RegOp.CreateKey(K),
                new RegOp.DeleteValue(K, "v"),
                new RegOp.DeleteValue(K, "")), ops);
    }

    @Test
    void bytesThatTheTypedFormCannotGiveBackStayRaw() {
        String v5 = "Windows Registry Editor Version 5.00\n" + KEY_LINE + "\n";
        assertEquals(new RegValue.Raw(1, new byte[] {0x61, 0, 0, 0, 0x62, 0, 0, 0}),
                only(v5 + "\"a\"=hex(1):61,00,00,00,62,00,00,00\n"));
        assertEquals(RegValue.sz("a"), only(v5 + "\"a\"=hex(1):61,00,00,00\n"));
        assertEquals(new RegValue.Raw(4, new byte[] {1, 2}), only(v5 + "\"a\"=hex(4):01,02\n"));
        assertEquals(RegValue.dword(0x04030201), only(v5 + "\"a\"=hex(4):01,02,03,04\n"));
        assertEquals(new RegValue.Raw(7, "a\0\0b\0\0\0".getBytes(StandardCharsets.UTF_16LE)),
                only(v5 + "\"a\"=hex(7):61,00,00,00,00,00,62,00,00,00,00,00,00,00\n"));
    }

    @Test
    void encodingsAreRecognised() {
        String body = "Windows Registry Editor Version 5.00\r\n\r\n" + KEY_LINE + "\r\n\"ü\"=\"日本\"\r\n";
        RegOp expected = new RegOp.Put(K, "ü", RegValue.sz("日本"));
        byte[] le = body.getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[le.length + 2];
        withBom[0] = (byte) 0xff;
        withBom[1] = (byte) 0xfe;
        System.arraycopy(le, 0, withBom, 2, le.length);
        assertEquals(expected, RegFileReader.read(withBom, "x", RegistryView.VIEW_64).get(1));
        assertEquals(expected, RegFileReader.read(le, "x", RegistryView.VIEW_64).get(1));
        byte[] utf8 = body.getBytes(StandardCharsets.UTF_8);
        assertEquals(expected, RegFileReader.read(utf8, "x", RegistryView.VIEW_64).get(1));
        byte[] bom8 = new byte[utf8.length + 3];
        bom8[0] = (byte) 0xef;
        bom8[1] = (byte) 0xbb;
        bom8[2] = (byte) 0xbf;
        System.arraycopy(utf8, 0, bom8, 3, utf8.length);
        assertEquals(expected, RegFileReader.read(bom8, "x", RegistryView.VIEW_64).get(1));
        byte[] ansi = ("REGEDIT4\r\n" + KEY_LINE + "\r\n\"ü\"=\"é\"\r\n").getBytes(Charset.forName("windows-1252"));
        assertEquals(new RegOp.Put(K, "ü", RegValue.sz("é")), RegFileReader.read(ansi, "x", RegistryView.VIEW_64).get(1));
    }

    @Test
    void pathsAreReadInTheRequestedView() {
        List<RegOp> ops = RegFileReader.parse("REGEDIT4\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\X]\n", "x", RegistryView.VIEW_32);
        assertEquals(RegistryView.VIEW_32, ops.get(0).key().view());
        assertEquals(RegPath.of(Hive.HKEY_LOCAL_MACHINE, "SOFTWARE", "X").withView(RegistryView.VIEW_32), ops.get(0).key());
    }

    @Test
    void malformedInputNamesTheLine() {
        String v5 = "Windows Registry Editor Version 5.00\n\n" + KEY_LINE + "\n";
        assertEquals(1, malformed("").line());
        assertEquals(1, malformed("REGEDIT\n[HKEY_CURRENT_USER\\X]\n").line());
        assertEquals(3, malformed("REGEDIT4\n\n\"v\"=\"before any key\"\n").line());
        assertEquals(4, malformed(v5 + "\"a\"=dword:123456789\n").line());
        assertEquals(4, malformed(v5 + "\"a\"=dword:xyz\n").line());
        assertEquals(5, malformed(v5 + "\"ok\"=\"1\"\n\"a\"=hex:11,2g\n").line());
        assertEquals(5, malformed(v5 + "\"a\"=hex:11,22,\\\n  33,,44\n").line());
        assertEquals(4, malformed(v5 + "\"a\"=hex:11,22,\\\n").line());
        assertEquals(4, malformed(v5 + "\"a\"=\"unterminated\n").line());
        assertEquals(4, malformed(v5 + "\"a\"=\"x\" trailing\n").line());
        assertEquals(4, malformed(v5 + "\"a\"=word:1\n").line());
        assertEquals(4, malformed(v5 + "\"a\" \"b\"\n").line());
        assertEquals(4, malformed(v5 + "[HKEY_NOWHERE\\X]\n").line());
        assertEquals(4, malformed(v5 + "[HKEY_CURRENT_USER\\X\n").line());
        assertEquals(4, malformed(v5 + "[-HKEY_CURRENT_USER]\n").line());
        assertEquals(4, malformed(v5 + "junk\n").line());
        assertEquals(4, malformed(v5 + "\"a\"=hex(zz):00\n").line());
        RegFileException e = malformed(v5 + "\"a\"=hex:11,2g\n");
        assertTrue(e.getMessage().startsWith("test.reg, line 4: invalid hex byte '2g'"), e.getMessage());
    }

    @Test
    void randomValuesRoundTripThroughTheFile() throws Exception {
        Random rnd = new Random(42);
        List<RegOp> ops = new ArrayList<>();
        for (int k = 0; k < 30; k++) {
            RegPath key = K.child("k" + k);
            ops.add(new RegOp.CreateKey(key));
            for (int v = 0; v < 10; v++) {
                ops.add(new RegOp.Put(key, randomString(rnd, v == 0 ? 0 : 1 + rnd.nextInt(20)), randomValue(rnd)));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RegFileWriter w = RegFileWriter.utf16(out)) {
            RegPath section = null;
            for (RegOp op : ops) {
                if (op instanceof RegOp.CreateKey c) {
                    w.key(c.key());
                    section = c.key();
                } else if (op instanceof RegOp.Put p) {
                    assertEquals(section, p.key());
                    w.value(p.name(), p.value());
                }
            }
        }
        List<RegOp> back = RegFileReader.read(out.toByteArray(), "random.reg", RegistryView.VIEW_64);
        assertEquals(ops.size(), back.size());
        for (int i = 0; i < ops.size(); i++) {
            assertEquals(ops.get(i), back.get(i), "op " + i);
        }
    }

    private static String randomString(Random rnd, int len) {
        String alphabet = "abcXYZ019 \\\"'=;[]@#,-üß日本\t";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) {
            sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        if (len > 0 && rnd.nextInt(5) == 0) {
            sb.append("😀\n\r");
        }
        return sb.toString();
    }

    private static RegValue randomValue(Random rnd) {
        byte[] bytes = new byte[rnd.nextInt(300)];
        rnd.nextBytes(bytes);
        return switch (rnd.nextInt(8)) {
            case 0 -> RegValue.sz(randomString(rnd, rnd.nextInt(200)));
            case 1 -> new RegValue.ExpandSz("%" + randomString(rnd, rnd.nextInt(50)) + "%");
            case 2 -> new RegValue.MultiSz(List.of(randomString(rnd, 1 + rnd.nextInt(9)), randomString(rnd, 1 + rnd.nextInt(9))));
            case 3 -> RegValue.dword(rnd.nextInt());
            case 4 -> RegValue.qword(rnd.nextLong());
            case 5 -> new RegValue.Binary(bytes);
            case 6 -> new RegValue.None(bytes);
            default -> new RegValue.Raw(5 + rnd.nextInt(6), bytes);
        };
    }
}
