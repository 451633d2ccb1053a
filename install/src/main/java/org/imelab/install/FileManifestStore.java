package org.imelab.install;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The manifest as a JSON file in the data home ({@code <home>/install/<service>.json}). Written
 * through a temporary file and an atomic rename, so a crash leaves the old or the new manifest.
 */
public final class FileManifestStore implements ManifestStore {
    private final Path file;
    private final ManifestCodec codec;

    public FileManifestStore(Path file, ManifestCodec codec) {
        this.file = file.toAbsolutePath().normalize();
        this.codec = codec;
    }

    /** The manifest of the install of {@code serviceName} under a data home. */
    public static FileManifestStore inDataHome(Path dataHome, String serviceName, ManifestCodec codec) {
        return new FileManifestStore(dataHome.resolve("install").resolve(serviceName + ".json"), codec);
    }

    @Override
    public Optional<InstallManifest> read() {
        try {
            return Optional.of(codec.read(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the install manifest " + file, e);
        }
    }

    @Override
    public void write(InstallManifest manifest) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, codec.write(manifest), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the install manifest " + file, e);
        }
    }

    @Override
    public void delete() {
        try {
            Files.deleteIfExists(file);
            try {
                Files.deleteIfExists(file.getParent()); // the install folder, when nothing else is in it
            } catch (DirectoryNotEmptyException e) {
                // manifests of other service names live there too
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the install manifest " + file, e);
        }
    }

    @Override
    public String location() {
        return file.toString();
    }
}
