package org.imelab.gateway.lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The sample lab that ships with imelab ({@code sample-lab.json} and its {@code sample-lab/}
 * folder of installers and detection scripts): one app for every path of the Win32 app engine
 * (success, retry code, failure, soft and hard reboot, dependency, detect-only dependency,
 * supersedence by replace, requirement not met, deadline, available, uninstall), for Windows and for other systems. The files live in the jar; a lab
 * gateway needs them on disk (it packs the content folder), so they are copied out first.
 */
public final class SampleLab {
    /** The lab file's name in the target folder. */
    public static final String LAB_FILE = "sample-lab.json";
    private static final String INDEX = "sample-lab.files";

    private SampleLab() {
    }

    /**
     * Copies the sample lab into {@code dir} (overwriting an older copy) and returns the lab file.
     * Files are written to temporary names and moved into place, so a reader never sees half a file.
     */
    public static Path extractTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String name : files()) {
            copy(name, dir.resolve(name));
        }
        Path lab = dir.resolve(LAB_FILE);
        copy(LAB_FILE, lab);
        return lab;
    }

    /** The files of the sample lab besides the lab file, relative to it. */
    public static List<String> files() throws IOException {
        return read(INDEX).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static void copy(String resource, Path target) throws IOException {
        if (resource.contains("..") || resource.startsWith("/")) {
            throw new IOException("bad sample lab entry " + resource);
        }
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".sample-", ".tmp");
        try (InputStream in = open(resource)) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = open(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = SampleLab.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("the sample lab is missing " + resource + " (a broken build?)");
        }
        return in;
    }
}
