package org.imelab.agent.win32app.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubgraphBuilderTest {
    static final AppRef A = new AppRef("aaaaaaaa-0000-0000-0000-000000000001", 1);
    static final AppRef B = new AppRef("bbbbbbbb-0000-0000-0000-000000000002", 3);
    static final AppRef C = new AppRef("cccccccc-0000-0000-0000-000000000003", 1);
    static final AppRef D = new AppRef("dddddddd-0000-0000-0000-000000000004", 2);

    @Test
    void standaloneAppsAreOneSubgraphEach() {
        var r = SubgraphBuilder.build(List.of(A, B), List.of());
        assertEquals(List.of(new Subgraph(List.of(A)), new Subgraph(List.of(B))), r.subgraphs());
    }

    @Test
    void dependenciesComeFirst() {
        // A needs B, B needs C; D unrelated
        var r = SubgraphBuilder.build(List.of(A, B, C, D), List.of(
                new Relation(A.appId(), B.appId(), Relation.INSTALL),
                new Relation(B.appId(), C.appId(), Relation.INSTALL)));
        assertEquals(List.of(new Subgraph(List.of(C, B, A)), new Subgraph(List.of(D))), r.subgraphs());
    }

    @Test
    void supersedenceJoinsTheSubgraphWithoutOrdering() {
        var r = SubgraphBuilder.build(List.of(A, B), List.of(new Relation(A.appId(), B.appId(), Relation.REPLACE)));
        assertEquals(1, r.subgraphs().size());
        assertEquals(Set.of(A, B), Set.copyOf(r.subgraphs().get(0).order()));
    }

    @Test
    void aReplacedAppComesBeforeItsSuccessorAndAnUpdatedOneAfter() {
        // A replaces B (B uninstalled first); C updates D (D looked at after C upgraded it); A detect-depends on C
        var r = SubgraphBuilder.build(List.of(A, B, C, D), List.of(
                new Relation(A.appId(), B.appId(), Relation.REPLACE),
                new Relation(C.appId(), D.appId(), Relation.UPDATE),
                new Relation(A.appId(), C.appId(), Relation.DETECT)));
        assertEquals(List.of(new Subgraph(List.of(B, C, A, D))), r.subgraphs());
    }

    @Test
    void anUnknownActionRejectsItsSubgraphRatherThanBeingGuessed() {
        var r = SubgraphBuilder.build(List.of(A, B, C), List.of(new Relation(A.appId(), B.appId(), 42)));
        assertEquals(List.of(new Subgraph(List.of(C))), r.subgraphs());
        assertEquals("relation to app " + B.appId() + " has unknown action 42", r.rejected().get(Set.of(A.appId(), B.appId())));
    }

    @Test
    void aCycleOrAMissingRelativeRejectsThatSubgraphAlone() {
        var r = SubgraphBuilder.build(List.of(A, B, C, D), List.of(
                new Relation(A.appId(), B.appId(), Relation.INSTALL),
                new Relation(B.appId(), A.appId(), Relation.INSTALL),
                new Relation(C.appId(), "eeeeeeee-0000-0000-0000-000000000005", Relation.INSTALL)));
        assertEquals(List.of(new Subgraph(List.of(D))), r.subgraphs());
        assertEquals(2, r.rejected().size());
        assertTrue(r.rejected().get(Set.of(A.appId(), B.appId())).startsWith("dependency cycle"));
        assertTrue(r.rejected().get(Set.of(C.appId())).contains("was not sent by the gateway"));
    }

    @Test
    void hashIsBase64Sha256Of44CharactersIndependentOfOrder() {
        String h = new Subgraph(List.of(C, B, A)).hash().value();
        assertEquals(44, h.length());
        assertEquals(h, new Subgraph(List.of(A, B, C)).hash().value());
        // Base64(SHA-256("aaaaaaaa-0000-0000-0000-000000000001_1")) computed independently with sha256sum | base64
        assertEquals("YddZA3WfYh62J4hhlak0fqIZMX41GlOdOhDwA+zIWfA=", new Subgraph(List.of(A)).hash().value());
    }
}
