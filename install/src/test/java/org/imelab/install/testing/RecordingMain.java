package org.imelab.install.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The main class of the test distribution's jar: writes the arguments it was started with, one
 * per line, to the file named by RECORD_TO, so a test can see exactly what a unit, a desktop
 * entry or a task ran.
 */
public final class RecordingMain {
    private RecordingMain() {
    }

    public static void main(String[] args) throws IOException {
        String to = System.getenv("RECORD_TO");
        if (to != null) {
            Files.writeString(Path.of(to), String.join("\n", args) + "\n", StandardCharsets.UTF_8);
        }
    }
}
