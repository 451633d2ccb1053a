package org.imelab.agent.win32app.exec.windows;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Windows environment blocks: {@code name=value} strings, each NUL-terminated, the block ending with
 * an empty string; CreateProcess wants them sorted by name ignoring case.
 */
final class EnvironmentBlocks {
    /** A block cannot be larger than this many characters; a longer one means a missing terminator. */
    private static final int MAX_CHARS = 32 * 1024 * 1024;

    private EnvironmentBlocks() {
    }

    /** The strings of a Unicode block (as CreateEnvironmentBlock returns it). */
    static List<String> read(Pointer block) {
        List<String> out = new ArrayList<>();
        long offset = 0;
        while (offset < (long) Native.WCHAR_SIZE * MAX_CHARS) {
            String entry = block.getWideString(offset);
            if (entry.isEmpty()) {
                return out;
            }
            out.add(entry);
            offset += (long) Native.WCHAR_SIZE * (entry.length() + 1); // 2 on Windows
        }
        throw new IllegalStateException("Environment block without terminator");
    }

    /**
     * The user's variables plus {@code extras} the user does not have (the user's own TEMP or
     * APPDATA must win over the agent's), as a sorted block with its terminators.
     */
    static char[] merge(List<String> userEntries, Map<String, String> extras) {
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, String> e : extras.entrySet()) {
            byName.put(e.getKey(), e.getKey() + "=" + e.getValue());
        }
        for (String entry : userEntries) {
            byName.put(name(entry), entry);
        }
        StringBuilder sb = new StringBuilder();
        for (String entry : byName.values()) {
            sb.append(entry).append('\0');
        }
        if (byName.isEmpty()) {
            sb.append('\0'); // an empty block is still two NULs
        }
        return sb.append('\0').toString().toCharArray();
    }

    /** The name ends at the first '=' after the first character ({@code =C:=C:\x} names {@code =C:}). */
    static String name(String entry) {
        int eq = entry.indexOf('=', 1);
        return eq < 0 ? entry : entry.substring(0, eq);
    }
}
