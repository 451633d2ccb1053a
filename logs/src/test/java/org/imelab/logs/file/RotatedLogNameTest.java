package org.imelab.logs.file;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RotatedLogNameTest {

    @Test
    void namesAsSeenOnRealDevices() {
        // C §2.3: IntuneManagementExtension-20220803-110145.log from a real MDM diagnostics bundle
        assertEquals("IntuneManagementExtension-20220803-110145.log",
                RotatedLogName.rotated("IntuneManagementExtension", LocalDateTime.of(2022, 8, 3, 11, 1, 45)));
        assertEquals(Optional.of(LocalDateTime.of(2022, 8, 3, 11, 1, 45)),
                RotatedLogName.rotationTime("IntuneManagementExtension", "IntuneManagementExtension-20220803-110145.log"));
        assertEquals(Optional.of("IntuneManagementExtension"), RotatedLogName.baseOf("IntuneManagementExtension-20251009-135155.log"));
        assertEquals(Optional.of("AppWorkload"), RotatedLogName.baseOf("AppWorkload.log"));
        assertEquals(Optional.of("AppWorkload"), RotatedLogName.baseOf("AppWorkload.LOG"));
    }

    @Test
    void otherNamesAreNotRotatedFiles() {
        assertEquals(Optional.empty(), RotatedLogName.rotationTime("AppWorkload", "AppWorkload.log"));
        assertEquals(Optional.empty(), RotatedLogName.rotationTime("AppWorkload", "AppWorkload-20221303-110145.log"));
        assertEquals(Optional.empty(), RotatedLogName.rotationTime("AppWorkload", "AppWorkload-2022080x-110145.log"));
        assertEquals(Optional.empty(), RotatedLogName.rotationTime("AppWorkload", "AppWorkloadX20220803-110145.log"));
        assertEquals(Optional.empty(), RotatedLogName.rotationTime("App", "AppWorkload-20220803-110145.log"));
        assertEquals(Optional.of("Name-1"), RotatedLogName.baseOf("Name-1.log"));
        assertEquals(Optional.empty(), RotatedLogName.baseOf("notes.txt"));
        assertEquals(Optional.empty(), RotatedLogName.baseOf(".log"));
        assertEquals(Optional.of("-20220803-110145"), RotatedLogName.baseOf("-20220803-110145.log"));
    }
}
