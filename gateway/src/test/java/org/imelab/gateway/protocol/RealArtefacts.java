package org.imelab.gateway.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The real-device fixtures copied into the test resources. */
public final class RealArtefacts {
    private RealArtefacts() {
    }

    /** The {@code Get policies = [...]} JSON of the 2026 blog's AppWorkload.log, exactly as logged. */
    public static String getPoliciesSample() {
        String marker = "Get policies = ";
        return text("/real-artefacts/blog-appworkload-ps-installer-2026.txt").lines()
                .filter(l -> l.startsWith(marker))
                .map(l -> l.substring(marker.length()))
                .findFirst().orElseThrow();
    }

    /** The ComplianceStateMessage registry value of the same device. */
    public static String complianceStateMessageSample() {
        return text("/real-artefacts/blog-appworkload-ps-installer-2026.txt").lines()
                .filter(l -> l.startsWith("{\"Applicability\""))
                .findFirst().orElseThrow();
    }

    static String text(String resource) {
        try (InputStream in = RealArtefacts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
