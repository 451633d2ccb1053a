package org.imelab.install.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The files that make up a runnable imelab: the main jar and the libraries its manifest's
 * {@code Class-Path} names (relative to the jar, e.g. {@code lib/jna-5.17.0.jar}).
 */
public record Distribution(Path jar, List<String> libraries) {

    public Distribution {
        jar = jar.toAbsolutePath().normalize();
        libraries = List.copyOf(libraries);
    }

    /** Reads the jar's manifest and checks that every library it names is there. */
    public static Distribution ofJar(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("Not a file: " + jar);
        }
        List<String> libs = new ArrayList<>();
        try (JarFile jf = new JarFile(jar.toFile())) {
            Manifest mf = jf.getManifest();
            String cp = mf == null ? null : mf.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (cp != null) {
                for (String entry : cp.trim().split("\\s+")) {
                    if (entry.isEmpty()) {
                        continue;
                    }
                    String rel = new URI(entry).getPath();
                    if (rel == null || rel.startsWith("/") || rel.contains("..")) {
                        throw new IllegalArgumentException("Class-Path entry " + entry + " of " + jar + " leaves the distribution");
                    }
                    if (!Files.isRegularFile(jar.getParent().resolve(rel))) {
                        throw new IllegalArgumentException("The library " + rel + " named by " + jar + " is missing");
                    }
                    libs.add(rel);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jar + ": " + e.getMessage(), e);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Bad Class-Path entry in " + jar + ": " + e.getMessage(), e);
        }
        return new Distribution(jar, libs);
    }

    /** The jar {@code mainClass} was loaded from, when it was loaded from a jar. */
    public static Optional<Distribution> of(Class<?> mainClass) {
        CodeSource cs = mainClass.getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null) {
            return Optional.empty();
        }
        try {
            Path p = Path.of(cs.getLocation().toURI());
            return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? Optional.of(ofJar(p)) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Every file of the distribution, relative to the jar's folder: the jar first. */
    public List<String> relativeFiles() {
        List<String> all = new ArrayList<>();
        all.add(jar.getFileName().toString());
        all.addAll(libraries);
        return all;
    }

    public Path folder() {
        return jar.getParent();
    }

    /**
     * A short digest of the main jar: written into the unit and the service description, so a
     * new build changes them and a re-install restarts the daemon on the new code.
     */
    public String fingerprint() {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(jar));
            return java.util.HexFormat.of().formatHex(d, 0, 6);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jar, e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
