package org.imelab.logs;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The real IME log artefacts (copied into the test resources; see real-artefacts/README.md). */
public final class Artefacts {
    private Artefacts() {
    }

    public static Path imeLogs() {
        try {
            return Path.of(Artefacts.class.getResource("/real-artefacts/ime-logs").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
