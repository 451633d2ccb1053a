package org.imelab.certpicker.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.UUID;
import org.imelab.certpicker.mdm.LabTenant;
import org.junit.jupiter.api.Test;

class TenantFlightingTest {
    @Test
    void theLabAccountIsFlightedByDefault() {
        assertTrue(TenantFlighting.labDefault().isFlighted(LabTenant.ACCOUNT_ID));
        assertFalse(TenantFlighting.labDefault().isFlighted(UUID.fromString("dede853d-e274-406b-9d0d-46b6fe65b440")));
    }

    @Test
    void parsesAConfiguredList() {
        UUID a = UUID.fromString("dede853d-e274-406b-9d0d-46b6fe65b440");
        TenantFlighting t = TenantFlighting.parse(" {DEDE853D-E274-406B-9D0D-46B6FE65B440}; " + LabTenant.ACCOUNT_ID + ",\n");
        assertEquals(Set.of(a, LabTenant.ACCOUNT_ID), t.flightedAccountIds());
        assertEquals(Set.of(), TenantFlighting.parse("  ").flightedAccountIds());
    }

    @Test
    void refusesWhatIsNotAGuid() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TenantFlighting.parse(LabTenant.ACCOUNT_ID + ",contoso"));
        assertTrue(e.getMessage().contains("'contoso'"), e.getMessage());
    }
}
