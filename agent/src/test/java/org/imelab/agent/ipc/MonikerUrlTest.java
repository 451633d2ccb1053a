package org.imelab.agent.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MonikerUrlTest {

    @ParameterizedTest
    @CsvSource({
        "intunemanagementextension://syncapp, SYNCAPP",
        "intunemanagementextension://synccompliance, SYNCCOMPLIANCE",
        "IntuneManagementExtension://SyncApp, SYNCAPP",
        "INTUNEMANAGEMENTEXTENSION://SYNCCOMPLIANCE, SYNCCOMPLIANCE",
        "intunemanagementextension://syncapp/, SYNCAPP",
        "intunemanagementextension://synccompliance/, SYNCCOMPLIANCE",
    })
    void acceptsBothVerbsInAnyCaseWithAnOptionalTrailingSlash(String url, IpcVerb expected) throws Exception {
        assertEquals(expected, MonikerUrl.parse(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "intunemanagementextension://status",           // an IPC verb, but not a moniker action
        "intunemanagementextension://sync",
        "intunemanagementextension://syncscript",
        "intunemanagementextension://",
        "intunemanagementextension:syncapp",
        "intunemanagementextension:/syncapp",
        "intunemanagementextension:///syncapp",
        "intunemanagementextension://syncapp//",
        "intunemanagementextension://syncapp/status",
        "intunemanagementextension://syncapp/../../etc/passwd",
        "intunemanagementextension://syncapp?x=1",
        "intunemanagementextension://syncapp#frag",
        "intunemanagementextension://syncapp&calc.exe",
        "intunemanagementextension://syncapp;rm -rf ~",
        "intunemanagementextension://syncapp\"%20&%20calc",
        "intunemanagementextension://syncapp%0astatus",
        "intunemanagementextension://syncapp\nstatus",
        "intunemanagementextension://syncapp\u0000",
        "intunemanagementextension://user@syncapp",
        "intunemanagementextension://syncapp:8080",
        "intunemanagementextension://%73yncapp",
        "intunemanagementextension://\u017Fyncapp",      // LATIN SMALL LETTER LONG S folds to 's' in some APIs
        "intunemanagementextension://syncapp\u200B",
        " intunemanagementextension://syncapp",
        "intunemanagementextension://syncapp ",
        "\"intunemanagementextension://syncapp\"",
        "http://syncapp",
        "file:///C:/Windows/System32/calc.exe",
        "intunemanagementextensionx://syncapp",
        "ms-settings:sync",
        "syncapp",
        "",
    })
    void refusesEverythingElseWithAMessage(String url) {
        MonikerUrl.RefusedException e = assertThrows(MonikerUrl.RefusedException.class, () -> MonikerUrl.parse(url));
        assertTrue(e.getMessage().startsWith("Refused: "), e.getMessage());
        assertTrue(e.getMessage().chars().allMatch(c -> c >= 0x20 && c <= 0x7e),
                "the message is printable ASCII whatever came in: " + e.getMessage());
    }

    @Test
    void messagesSayWhatIsWrong() {
        assertEquals("Refused: unknown action 'status' in 'intunemanagementextension://status'; expected syncapp or synccompliance",
                assertThrows(MonikerUrl.RefusedException.class, () -> MonikerUrl.parse("intunemanagementextension://status")).getMessage());
        assertEquals("Refused: 'http' is not the intunemanagementextension:// scheme: 'http://syncapp'",
                assertThrows(MonikerUrl.RefusedException.class, () -> MonikerUrl.parse("http://syncapp")).getMessage());
        assertTrue(assertThrows(MonikerUrl.RefusedException.class, () -> MonikerUrl.parse("intunemanagementextension://syncapp?x=1"))
                .getMessage().contains("unexpected '?'"));
        assertTrue(assertThrows(MonikerUrl.RefusedException.class, () -> MonikerUrl.parse(null))
                .getMessage().startsWith("Refused: no URL given"));
        assertTrue(assertThrows(MonikerUrl.RefusedException.class, () -> MonikerUrl.parse("intunemanagementextension://" + "a".repeat(200)))
                .getMessage().contains("228 characters long"));
    }

    @Test
    void roundTripsTheCanonicalUrls() throws Exception {
        assertEquals("intunemanagementextension://syncapp", MonikerUrl.of(IpcVerb.SYNCAPP));
        assertEquals(IpcVerb.SYNCCOMPLIANCE, MonikerUrl.parse(MonikerUrl.of(IpcVerb.SYNCCOMPLIANCE)));
        assertThrows(IllegalArgumentException.class, () -> MonikerUrl.of(IpcVerb.STATUS));
    }
}
