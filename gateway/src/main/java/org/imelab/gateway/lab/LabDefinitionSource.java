package org.imelab.gateway.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lab file, re-read when it changes. Every session asks for {@link #current()}, which reads
 * the (small) file and compares its digest with the last one, so an edit is picked up by the very
 * next request without a watcher thread or timing games. A file that does not parse leaves the
 * last good definition in force; the error is logged and shown on {@code /lab/status}.
 */
final class LabDefinitionSource {
    private static final Logger LOG = LoggerFactory.getLogger(LabDefinitionSource.class);

    private final Path file;
    private final LabDefinitionReader reader;
    private final Instant anchor;
    private final InstantSource clock;
    private byte[] digest;
    private LabDefinition current;
    private Instant loadedAt;
    private String lastError;
    private int reloads;

    LabDefinitionSource(Path file, LabDefinitionReader reader, Instant anchor, InstantSource clock) {
        this.file = file;
        this.reader = reader;
        this.anchor = anchor;
        this.clock = clock;
    }

    /** Loads the file for the first time; an error here stops the gateway from starting. */
    synchronized LabDefinition load() throws LabDefinitionException {
        byte[] bytes = read().orElseThrow(() -> new LabDefinitionException("", "cannot read the lab file " + file
                + (lastError == null ? "" : ": " + lastError)));
        current = reader.read(file, new String(bytes, java.nio.charset.StandardCharsets.UTF_8), anchor);
        digest = sha256(bytes);
        loadedAt = clock.instant();
        return current;
    }

    /** The definition in force, reloaded first if the file changed. */
    synchronized LabDefinition current() {
        Optional<byte[]> bytes = read();
        if (bytes.isPresent() && !Arrays.equals(sha256(bytes.get()), digest)) {
            byte[] d = sha256(bytes.get());
            try {
                current = reader.read(file, new String(bytes.get(), java.nio.charset.StandardCharsets.UTF_8), anchor);
                loadedAt = clock.instant();
                lastError = null;
                reloads++;
                LOG.info("Lab file {} reloaded: {} apps", file, current.apps().size());
            } catch (LabDefinitionException e) {
                lastError = e.getMessage();
                LOG.warn("Lab file {} not reloaded, keeping the previous definition: {}", file, e.getMessage());
            }
            digest = d;
        }
        return current;
    }

    synchronized Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    synchronized Instant loadedAt() {
        return loadedAt;
    }

    synchronized int reloads() {
        return reloads;
    }

    Path file() {
        return file;
    }

    private Optional<byte[]> read() {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            // e.g. an editor replacing the file right now: keep what we have
            lastError = "cannot read " + file + ": " + e.getMessage();
            return Optional.empty();
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
