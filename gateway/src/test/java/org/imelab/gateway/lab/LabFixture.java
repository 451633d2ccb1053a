package org.imelab.gateway.lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.imelab.gateway.protocol.RealArtefacts;

/** Writes the test lab (test-lab.json with the real policy sample filled in) into a folder. */
final class LabFixture {
    static final String REAL_APP = "6e0911dd-6755-4eb7-8a75-ba02e685232b";
    static final String GRAPH_REQUIRED = "b0000000-0000-4000-8000-00000000000b";
    static final String GRAPH_DEPENDENCY = "c0000000-0000-4000-8000-00000000000c";
    static final String GRAPH_AVAILABLE = "d0000000-0000-4000-8000-00000000000d";
    static final String MALFORMED_APP = "e0000000-0000-4000-8000-00000000000e";

    private LabFixture() {
    }

    static String realPolicyObject() {
        String array = RealArtefacts.getPoliciesSample();
        return array.substring(1, array.length() - 1);
    }

    static String labJson() throws IOException {
        String malformed = realPolicyObject().replace(REAL_APP, MALFORMED_APP)
                .replace("{\\\"ReturnCode\\\":1618,\\\"Type\\\":4}", "{\\\"ReturnCode\\\":1618,\\\"Type\\\":9}");
        return resource("test-lab.json")
                .replace("\"__REAL_SAMPLE__\"", realPolicyObject())
                .replace("\"__MALFORMED__\"", malformed);
    }

    static Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("detect-b.sh"), resource("detect-b.sh"));
        Path content = Files.createDirectories(dir.resolve("content-b"));
        Files.writeString(content.resolve("install.cmd"), "@echo off\r\necho installed> \"%ProgramData%\\imelab\\b.txt\"\r\n");
        Files.writeString(content.resolve("install.sh"), "#!/bin/sh\nmkdir -p \"$HOME/.imelab-test\" && touch \"$HOME/.imelab-test/b\"\n");
        Files.writeString(content.resolve("payload.txt"), "the app's payload\n".repeat(1000));
        Path lab = dir.resolve("lab.json");
        Files.writeString(lab, labJson());
        return lab;
    }

    private static Path sharedCa;

    /**
     * A state folder for a test lab, with a copy of one CA generated per JVM (creating RSA keys is
     * the slow part of starting a lab; the CA's behaviour is tested on its own).
     */
    static synchronized Path state(Path dir) throws IOException {
        if (sharedCa == null) {
            sharedCa = Files.createTempDirectory("imelab-test-ca");
            sharedCa.toFile().deleteOnExit();
            LabCertificateAuthority.openOrCreate(sharedCa, java.time.InstantSource.system());
            try (var files = Files.list(sharedCa)) {
                files.forEach(f -> f.toFile().deleteOnExit()); // deleted before the folder (reverse order)
            }
        }
        Path ca = dir.resolve("ca");
        Files.createDirectories(ca);
        try (var files = Files.list(sharedCa)) {
            for (Path f : files.toList()) {
                Files.copy(f, ca.resolve(f.getFileName().toString()));
            }
        }
        return dir;
    }

    static String resource(String name) throws IOException {
        try (InputStream in = LabFixture.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
