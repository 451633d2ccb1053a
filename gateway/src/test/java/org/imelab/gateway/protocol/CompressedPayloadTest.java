package org.imelab.gateway.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class CompressedPayloadTest {

    @Test
    void layoutIsLittleEndianLengthThenGzip() throws Exception {
        String json = "[" + "{\"Id\":\"a\"},".repeat(100) + "{}]";
        byte[] raw = Base64.getDecoder().decode(CompressedPayload.encode(json));
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        assertEquals(utf8.length, ByteBuffer.wrap(raw, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
        assertArrayEquals(new byte[] {0x1f, (byte) 0x8b}, Arrays.copyOfRange(raw, 4, 6), "a gzip stream follows");
        assertEquals(json, CompressedPayload.decode(CompressedPayload.encode(json)));
    }

    @Test
    void readsWhatAnotherWriterProduced() throws Exception {
        // built by hand, as the service would: length prefix + gzip, Base64
        byte[] plain = "[{\"Name\":\"Zürich\"}]".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(plain.length).array());
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        assertEquals("[{\"Name\":\"Zürich\"}]", CompressedPayload.decode(Base64.getEncoder().encodeToString(out.toByteArray())));
    }

    @Test
    void inconsistentPayloadsAreRefusedWithTheirReason() {
        String good = CompressedPayload.encode("[1,2,3]");
        byte[] raw = Base64.getDecoder().decode(good);
        byte[] lying = raw.clone();
        lying[0] = 99; // declares 99 bytes
        byte[] huge = raw.clone();
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putInt(Integer.MAX_VALUE);
        byte[] truncated = Arrays.copyOf(raw, raw.length - 5);
        assertTrue(message(Base64.getEncoder().encodeToString(lying)).contains("declares 99"));
        assertTrue(message(Base64.getEncoder().encodeToString(huge)).contains("outside"));
        assertTrue(message(Base64.getEncoder().encodeToString(truncated)).contains("gzip"));
        assertTrue(message("***").contains("Base64"));
        assertTrue(message("AAA=").contains("length prefix"));
    }

    private static String message(String payload) {
        return assertThrows(PayloadFormatException.class, () -> CompressedPayload.decode(payload)).getMessage();
    }
}
