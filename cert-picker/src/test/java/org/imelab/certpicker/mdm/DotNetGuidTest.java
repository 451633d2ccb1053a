package org.imelab.certpicker.mdm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DotNetGuidTest {
    @Test
    void firstThreeFieldsAreLittleEndian() {
        // the real device id bytes of 1.2.840.113556.5.4
        byte[] raw = HexFormat.of().parseHex("6701BC076190B743B2430BB6AEDA736E");
        UUID id = DotNetGuid.fromBytes(raw);
        assertEquals(UUID.fromString("07bc0167-9061-43b7-b243-0bb6aeda736e"), id);
        assertArrayEquals(raw, DotNetGuid.toBytes(id));
    }

    @Test
    void roundTripsAnyGuid() {
        for (int i = 0; i < 100; i++) {
            UUID id = UUID.randomUUID();
            assertEquals(id, DotNetGuid.fromBytes(DotNetGuid.toBytes(id)));
        }
    }

    @Test
    void refusesWrongLengths() {
        assertThrows(IllegalArgumentException.class, () -> DotNetGuid.fromBytes(new byte[15]));
        assertThrows(IllegalArgumentException.class, () -> IntuneExtensionEncoding.decodeOctetStringGuid(new byte[16]));
        assertThrows(IllegalArgumentException.class, () -> IntuneExtensionEncoding.decodeRawGuid(new byte[18]));
    }
}
