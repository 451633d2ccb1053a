package org.imelab.registry.ime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.memory.MemoryRegistry;
import org.junit.jupiter.api.Test;

class PendingReportStoreTest {
    static final String A = "cce28372-03a1-4006-8035-00deb0c906ed";
    static final String B = "471f61b1-58ad-431b-bd4d-386d3c953773";
    static final Scope USER = Scope.user("8679bddf-b85f-473c-bc47-2ed0457ec9fb");

    final MemoryRegistry registry = new MemoryRegistry();
    final PendingReportStore store = new PendingReportStore(registry, ImeLayout.standard());

    @Test
    void resultsWaitUnderImelabsKeyUntilDeliveredAndANewerOneSurvivesTheOlderOnesDelivery() {
        PendingReportStore.Pending a = new PendingReportStore.Pending(Scope.DEVICE, A, "{\"AppId\":\"a\",\"n\":1}");
        PendingReportStore.Pending b = new PendingReportStore.Pending(USER, B, "{\"AppId\":\"b\"}");
        store.put(a);
        store.put(b);
        assertEquals(RegValue.sz(a.report()), registry.get(RegPath.parse("HKLM\\SOFTWARE\\imelab\\PendingReports\\"
                + Scope.DEVICE.id()), A).orElseThrow());
        assertEquals(List.of(a, b), store.all().stream().sorted((x, y) -> x.appId().compareTo(y.appId()) * -1).toList());

        PendingReportStore.Pending newer = new PendingReportStore.Pending(Scope.DEVICE, A, "{\"AppId\":\"a\",\"n\":2}");
        store.put(newer);
        store.removeDelivered(List.of(a, b)); // a was sent before newer replaced it
        assertEquals(List.of(newer), store.all());
        store.removeDelivered(List.of(newer));
        assertEquals(List.of(), store.all());

        // a value edited by hand into something else is not a report
        registry.put(RegPath.parse("HKLM\\SOFTWARE\\imelab\\PendingReports\\" + Scope.DEVICE.id()), B, RegValue.dword(1));
        registry.put(RegPath.parse("HKLM\\SOFTWARE\\imelab\\PendingReports\\not-a-scope"), A, RegValue.sz("{}"));
        assertEquals(List.of(), store.all());
    }
}
