package org.imelab.agent.win32app.rules;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds a minimal PE image whose .rsrc section holds a VS_FIXEDFILEINFO, like a versioned .exe. */
public final class TestPe {
    private TestPe() {
    }

    public static byte[] withFileVersion(int major, int minor, int build, int revision) {
        ByteBuffer b = ByteBuffer.allocate(0x400).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(0, (short) 0x5A4D);           // MZ
        b.putInt(0x3C, 0x40);                    // e_lfanew
        b.putInt(0x40, 0x00004550);              // PE\0\0
        b.putShort(0x44, (short) 0x8664);        // machine: x64
        b.putShort(0x46, (short) 1);             // one section
        b.putShort(0x54, (short) 0);             // no optional header in this toy image
        int section = 0x40 + 24;
        b.put(section, ".rsrc\0\0\0".getBytes());
        b.putInt(section + 8, 0x100);            // virtual size
        b.putInt(section + 12, 0x1000);          // virtual address
        b.putInt(section + 16, 0x100);           // size of raw data
        b.putInt(section + 20, 0x200);           // pointer to raw data
        int fixed = 0x200 + 0x28;                // after a VS_VERSIONINFO header, 4-aligned
        b.putInt(fixed, 0xFEEF04BD);
        b.putInt(fixed + 4, 0x00010000);
        b.putInt(fixed + 8, (major << 16) | minor);
        b.putInt(fixed + 12, (build << 16) | revision);
        return b.array();
    }
}
