package org.imelab.gateway.content;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what IntuneWinAppUtil puts into Detection.xml's {@code MsiInfo} from an MSI database
 * without the Windows Installer API, so packages built on Linux carry it too: the {@code Property}
 * table (ProductCode, ProductVersion, UpgradeCode, Manufacturer, ProductName, ALLUSERS,
 * MSIINSTALLPERUSER, REBOOT), the summary information's revision number (the package code), and
 * whether the ServiceInstall, ODBCDataSource, Registry and Directory tables hold what the flags
 * name.
 *
 * <p>How the flags derive from the tables is our reading of the MSI schema, not documented by the
 * tool: machine install = ALLUSERS 1 (or 2 without MSIINSTALLPERUSER=1); execution context System /
 * User / Any accordingly; "requires logon" for a per-user package; "requires reboot" when REBOOT is
 * Force; system registry keys = a Registry row under HKCR, HKLM or HKU (or the per-machine
 * "-1" root of a machine install); system folders = a Directory row for the Windows or System
 * folders.
 */
public class MsiInspector {
    private static final String STREAM_TABLE = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz._";
    private static final Set<String> SYSTEM_FOLDERS =
            Set.of("SystemFolder", "System64Folder", "System16Folder", "WindowsFolder", "WindowsVolume");

    /** What a package needs from an MSI: the display name and the MsiInfo block. */
    public record MsiProduct(String productName, MsiInfo info) {
    }

    /** Reads the MSI; a file that is not a readable MSI database is an {@link IntuneWinFormatException}. */
    public Optional<MsiProduct> inspect(Path msi) throws IOException, IntuneWinFormatException {
        CompoundFile cf = CompoundFile.open(msi);
        Map<String, String> names = new HashMap<>();
        for (String raw : cf.streamNames()) {
            names.put(decodeStreamName(raw), raw);
        }
        StringPool pool = StringPool.read(stream(cf, names, "!_StringPool"), stream(cf, names, "!_StringData"));
        Map<String, String> props = new HashMap<>();
        List<List<String>> propertyRows = stringRows(stream(cf, names, "!Property"), pool, 2);
        for (List<String> row : propertyRows) {
            props.put(row.get(0), row.get(1));
        }
        String allUsers = props.getOrDefault("ALLUSERS", "");
        boolean perUserOverride = "1".equals(props.get("MSIINSTALLPERUSER"));
        boolean machine = "1".equals(allUsers) || ("2".equals(allUsers) && !perUserOverride);
        boolean user = allUsers.isEmpty() || "2".equals(allUsers);
        String context = "2".equals(allUsers) ? (perUserOverride ? "User" : "Any") : machine ? "System" : "User";
        boolean services = rowCount(cf, names, "!ServiceInstall") > 0;
        boolean odbc = rowCount(cf, names, "!ODBCDataSource") > 0;
        boolean systemKeys = systemRegistryKeys(cf, names, pool, machine);
        boolean systemFolders = false;
        for (List<String> row : stringRows(cf.stream(names.getOrDefault("!Directory", "")).orElse(null), pool, 3)) {
            systemFolders |= SYSTEM_FOLDERS.contains(row.get(0));
        }
        MsiInfo info = new MsiInfo(props.get("ProductCode"), props.get("ProductVersion"), packageCode(cf),
                props.get("UpgradeCode"), context, "User".equals(context),
                "Force".equalsIgnoreCase(props.getOrDefault("REBOOT", "")), machine, user && !machine,
                services, odbc, systemKeys, systemFolders, props.get("Manufacturer"));
        return Optional.of(new MsiProduct(props.getOrDefault("ProductName", ""), info));
    }

    private static byte[] stream(CompoundFile cf, Map<String, String> names, String table)
            throws IntuneWinFormatException {
        String raw = names.get(table);
        if (raw == null) {
            throw new IntuneWinFormatException("Not an MSI database: no " + table + " stream");
        }
        return cf.stream(raw).orElseThrow();
    }

    private static long rowCount(CompoundFile cf, Map<String, String> names, String table) throws IntuneWinFormatException {
        String raw = names.get(table);
        return raw == null ? 0 : cf.stream(raw).map(b -> b.length).orElse(0);
    }

    /** Registry table: Registry(s), Root(i2), Key(s), Name(s), Value(s), Component_(s), stored column by column. */
    private static boolean systemRegistryKeys(CompoundFile cf, Map<String, String> names, StringPool pool, boolean machine)
            throws IntuneWinFormatException {
        String raw = names.get("!Registry");
        if (raw == null) {
            return false;
        }
        byte[] b = cf.stream(raw).orElse(new byte[0]);
        int ref = pool.refSize();
        int rowSize = 5 * ref + 2;
        int rows = b.length / rowSize;
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        for (int r = 0; r < rows; r++) {
            int stored = buf.getShort(rows * ref + 2 * r) & 0xffff;
            int root = stored == 0 ? Integer.MIN_VALUE : (short) (stored ^ 0x8000);
            if (root == 0 || root == 2 || root == 3 || (root == -1 && machine)) {
                return true;
            }
        }
        return false;
    }

    /** Rows of a table whose columns are all strings (Property, Directory). */
    private static List<List<String>> stringRows(byte[] table, StringPool pool, int columns) {
        List<List<String>> rows = new ArrayList<>();
        if (table == null) {
            return rows;
        }
        int ref = pool.refSize();
        int count = table.length / (ref * columns);
        for (int r = 0; r < count; r++) {
            List<String> row = new ArrayList<>(columns);
            for (int c = 0; c < columns; c++) {
                int at = (c * count + r) * ref;
                int id = (table[at] & 0xff) | (table[at + 1] & 0xff) << 8 | (ref == 3 ? (table[at + 2] & 0xff) << 16 : 0);
                row.add(pool.get(id));
            }
            rows.add(row);
        }
        return rows;
    }

    /** PID_REVNUMBER (9) of the SummaryInformation property set: the package code. */
    private static String packageCode(CompoundFile cf) throws IntuneWinFormatException {
        Optional<byte[]> s = cf.stream("\u0005SummaryInformation");
        if (s.isEmpty() || s.get().length < 48) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(s.get()).order(ByteOrder.LITTLE_ENDIAN);
        try {
            int section = b.getInt(44);
            int count = b.getInt(section + 4);
            for (int i = 0; i < count; i++) {
                int id = b.getInt(section + 8 + 8 * i);
                int off = b.getInt(section + 12 + 8 * i);
                if (id == 9 && b.getInt(section + off) == 30) { // VT_LPSTR
                    int len = b.getInt(section + off + 4);
                    String v = new String(s.get(), section + off + 8, Math.max(0, len), StandardCharsets.ISO_8859_1);
                    int nul = v.indexOf('\0');
                    return nul >= 0 ? v.substring(0, nul) : v;
                }
            }
        } catch (IndexOutOfBoundsException e) {
            throw new IntuneWinFormatException("MSI summary information is damaged", e);
        }
        return null;
    }

    /** MSI stream names pack two characters of a 64-letter alphabet into one UTF-16 unit. */
    static String decodeStreamName(String raw) {
        StringBuilder out = new StringBuilder();
        for (char c : raw.toCharArray()) {
            if (c == 0x4840) {
                out.append('!');
            } else if (c >= 0x3800 && c < 0x4800) {
                int v = c - 0x3800;
                out.append(STREAM_TABLE.charAt(v & 0x3f)).append(STREAM_TABLE.charAt((v >> 6) & 0x3f));
            } else if (c >= 0x4800 && c < 0x4840) {
                out.append(STREAM_TABLE.charAt(c - 0x4800));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The database's shared strings: ids from 1, lengths in _StringPool, bytes in _StringData. */
    record StringPool(List<String> strings, int refSize) {
        static StringPool read(byte[] pool, byte[] data) throws IntuneWinFormatException {
            if (pool.length < 4) {
                throw new IntuneWinFormatException("MSI string pool is empty");
            }
            ByteBuffer p = ByteBuffer.wrap(pool).order(ByteOrder.LITTLE_ENDIAN);
            int codepage = (p.getShort(0) & 0xffff) | ((p.getShort(2) & 0x7fff) << 16);
            boolean longRefs = (p.getShort(2) & 0x8000) != 0;
            Charset cs = charset(codepage);
            List<String> strings = new ArrayList<>();
            strings.add(null); // id 0 is the null string
            int entries = pool.length / 4;
            int offset = 0;
            for (int i = 1; i < entries; ) {
                int len = p.getShort(4 * i) & 0xffff;
                int refs = p.getShort(4 * i + 2) & 0xffff;
                if (len == 0 && refs == 0) {
                    strings.add("");
                    i++;
                    continue;
                }
                if (len == 0 && i + 1 < entries) {
                    // a string over 64 KB takes two entries: the next one holds its length, low word first
                    len = ((p.getShort(4 * (i + 1) + 2) & 0xffff) << 16) | (p.getShort(4 * (i + 1)) & 0xffff);
                    i += 2;
                } else {
                    i++;
                }
                if (offset + len > data.length) {
                    throw new IntuneWinFormatException("MSI string pool points past its string data");
                }
                strings.add(new String(data, offset, len, cs));
                offset += len;
            }
            return new StringPool(strings, longRefs ? 3 : 2);
        }

        String get(int id) {
            return id > 0 && id < strings.size() ? strings.get(id) : null;
        }

        private static Charset charset(int codepage) {
            if (codepage == 65001) {
                return StandardCharsets.UTF_8;
            }
            if (codepage == 0) {
                return Charset.forName("windows-1252");
            }
            try {
                return Charset.forName("windows-" + codepage);
            } catch (IllegalArgumentException e) {
                return StandardCharsets.ISO_8859_1;
            }
        }
    }
}
