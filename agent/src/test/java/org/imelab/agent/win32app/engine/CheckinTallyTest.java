package org.imelab.agent.win32app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.imelab.agent.win32app.lifecycle.AppState;
import org.junit.jupiter.api.Test;

class CheckinTallyTest {

    @Test
    void theLineCountsStatesInTheOrderTheyCameAndTheAppsLeftAlone() {
        CheckinTally tally = new CheckinTally();
        tally.changed("b", AppState.WAITING_RETRY);
        tally.unchanged(3);
        tally.changed("a", AppState.INSTALLED);
        tally.changed("c", AppState.WAITING_RETRY);
        assertEquals("6 app(s): 2 waiting retry, 1 installed, 3 unchanged", tally.summary().line());
    }

    @Test
    void anAppAmendedAfterItWasCountedUnchangedMovesOverOnce() {
        CheckinTally tally = new CheckinTally();
        tally.unchanged(2); // "a" among them
        tally.amended("a", AppState.INSTALLED);
        assertEquals("2 app(s): 1 installed, 1 unchanged", tally.summary().line());

        tally.changed("b", AppState.INSTALLED);
        tally.amended("b", AppState.INSTALLED); // counted changed already: nothing moves
        assertEquals("3 app(s): 2 installed, 1 unchanged", tally.summary().line());
    }

    @Test
    void nothingChangedSaysSo() {
        CheckinTally tally = new CheckinTally();
        tally.unchanged(4);
        assertEquals("4 app(s), all unchanged", tally.summary().line());
    }
}
