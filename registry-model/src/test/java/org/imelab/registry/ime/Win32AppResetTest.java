package org.imelab.registry.ime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.imelab.registry.memory.MemoryRegistry;
import org.junit.jupiter.api.Test;

/** The Ripley manoeuvre: what redeploy scripts delete, and nothing else. */
class Win32AppResetTest {
    static final String APP = "6e0911dd-6755-4eb7-8a75-ba02e685232b";
    static final String DEP = "471f61b1-58ad-431b-bd4d-386d3c953773";
    static final String OTHER = "2c675442-fd92-4000-ab65-e740d6187efe";
    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    final MemoryRegistry registry = new MemoryRegistry();
    final ImeRegistry ime = new ImeRegistry(registry);

    @Test
    void resetDeletesTheAppKeysTheGrsSubgraphAndTheRetryStateOnly() {
        Scope scope = Scope.DEVICE;
        Win32AppKey app1 = Win32AppKey.of(APP, 1);
        Win32AppKey app2 = Win32AppKey.of(APP, 2);
        Win32AppKey dep = Win32AppKey.of(DEP, 1);
        Win32AppKey other = Win32AppKey.of(OTHER, 1);
        ComplianceStateMessage c = ComplianceStateMessage.of(Applicability.Applicable, ComplianceState.Error,
                DesiredState.Present, -2016345060, TargetingMethod.EgatTargetedApplication, InstallContext.System,
                TargetType.Device);
        for (Win32AppKey k : List.of(app1, app2, dep, other)) {
            ime.win32Apps().writeCompliance(scope, k, c, NOW);
        }
        SubgraphHash subgraph = SubgraphHash.of(List.of(app2, dep));
        SubgraphHash otherGraph = SubgraphHash.of(List.of(other));
        ime.grs().put(scope, subgraph, List.of(APP, DEP), NOW);
        ime.grs().put(scope, otherGraph, OTHER, NOW);
        ime.reporting().putLastHashValue(scope, APP, subgraph);
        ime.retries().write(scope, app2, new RetryState(2, NOW.plusSeconds(300)));
        ime.retries().write(scope, other, new RetryState(1, NOW.plusSeconds(300)));

        List<?> deleted = ime.reset().reset(scope, APP);

        assertEquals(4, deleted.size(), deleted.toString()); // two app keys, one GRS key, one retry key
        assertEquals(List.of(other, dep), ime.win32Apps().apps(scope)); // sorted by app id
        assertFalse(registry.exists(ime.layout().grs(scope, subgraph)));
        assertTrue(ime.grs().find(scope, OTHER).isPresent());
        assertEquals(Optional.empty(), ime.retries().read(scope, app2));
        assertTrue(ime.retries().read(scope, other).isPresent());
        assertEquals(Optional.of(subgraph), ime.reporting().lastHashValue(scope, APP)); // only a full reset clears it

        assertEquals(1, ime.reset().resetFully(scope, APP).size());
        assertEquals(Optional.empty(), ime.reporting().lastHashValue(scope, APP));
        assertEquals(List.of(), ime.reset().reset(scope, APP));
    }
}
