package org.imelab.certpicker.mdm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;

/**
 * GUIDs in the byte order of .NET's {@code new Guid(byte[])} / {@code Guid.ToByteArray()}: the
 * first three fields little-endian, the last eight bytes as they are. Intune writes its ids this way.
 */
public final class DotNetGuid {
    private DotNetGuid() {
    }

    public static UUID fromBytes(byte[] b) {
        if (b.length != 16) {
            throw new IllegalArgumentException("A GUID has 16 bytes, not " + b.length);
        }
        ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        long data1 = le.getInt(0) & 0xffffffffL;
        long data2 = le.getShort(4) & 0xffffL;
        long data3 = le.getShort(6) & 0xffffL;
        long msb = (data1 << 32) | (data2 << 16) | data3;
        long lsb = ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN).getLong(8);
        return new UUID(msb, lsb);
    }

    public static byte[] toBytes(UUID id) {
        long msb = id.getMostSignificantBits();
        ByteBuffer out = ByteBuffer.allocate(16);
        out.order(ByteOrder.LITTLE_ENDIAN)
                .putInt((int) (msb >>> 32))
                .putShort((short) (msb >>> 16))
                .putShort((short) msb);
        out.order(ByteOrder.BIG_ENDIAN).putLong(id.getLeastSignificantBits());
        return out.array();
    }
}
