package org.imelab.gateway.lab;

import java.nio.file.Path;

/** Where a lab app's content comes from. */
public sealed interface LabContent {
    /** No content: {@code GetContentInfo} for this app is answered with an error. */
    record None() implements LabContent {
    }

    /** A folder packed on the fly into an encrypted {@code .intunewin} (repacked when it changes). */
    record Folder(Path dir, String setupFile) implements LabContent {
    }

    /** A ready {@code .intunewin} package, served as it is. */
    record IntuneWin(Path file) implements LabContent {
    }
}
