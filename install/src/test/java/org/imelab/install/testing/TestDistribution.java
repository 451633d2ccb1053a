package org.imelab.install.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.imelab.install.launch.Distribution;

/**
 * A small but real distribution: a runnable imelab.jar (main class {@link RecordingMain}) whose
 * manifest names two libraries in lib/, as the agent's build lays them out.
 */
public final class TestDistribution {
    private TestDistribution() {
    }

    public static Distribution create(Path dir) throws IOException {
        return create(dir, "1");
    }

    /** {@code version} changes the jar's bytes, to simulate an upgrade. */
    public static Distribution create(Path dir, String version) throws IOException {
        Files.createDirectories(dir.resolve("lib"));
        writeJar(dir.resolve("lib/dep-one.jar"), null, "one");
        writeJar(dir.resolve("lib/dep-two.jar"), null, "two");
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, RecordingMain.class.getName());
        mf.getMainAttributes().put(Attributes.Name.CLASS_PATH, "lib/dep-one.jar lib/dep-two.jar");
        mf.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
        Path jar = dir.resolve("imelab.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf)) {
            String entry = RecordingMain.class.getName().replace('.', '/') + ".class";
            out.putNextEntry(new JarEntry(entry));
            try (InputStream in = RecordingMain.class.getClassLoader().getResourceAsStream(entry)) {
                in.transferTo(out);
            }
            out.closeEntry();
        }
        return Distribution.ofJar(jar);
    }

    private static void writeJar(Path file, Manifest mf, String text) throws IOException {
        try (OutputStream os = Files.newOutputStream(file);
             JarOutputStream out = mf == null ? new JarOutputStream(os) : new JarOutputStream(os, mf)) {
            out.putNextEntry(new JarEntry("README.txt"));
            out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
    }
}
