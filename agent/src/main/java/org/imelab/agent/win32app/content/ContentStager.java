package org.imelab.agent.win32app.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import org.imelab.agent.win32app.graph.AppRef;
import org.imelab.agent.win32app.state.ErrorCodes;
import org.imelab.gateway.content.ContentDecryptor;
import org.imelab.gateway.content.ContentException;
import org.imelab.gateway.content.SafeUnzipper;
import org.imelab.gateway.protocol.win32.Win32AppPolicy;
import org.imelab.registry.ime.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three content phases of one app, on disk as the IME lays them out: the encrypted package in
 * {@code Content\Incoming\{appId}_{version}.bin}, the verified plaintext zip beside it, and the
 * unpacked files in {@code IMECache\{appId}_{version}}. Unpacking goes to a sibling folder first and
 * is renamed into place, so IMECache never holds half a package, and a refused package leaves
 * nothing behind anywhere.
 */
public final class ContentStager {
    private static final Logger LOG = LoggerFactory.getLogger("ime.AppWorkload");

    /** How a phase ended: 0 or the error code the state records. */
    public record Step(boolean ok, int errorCode, String detail) {
        static Step done() {
            return new Step(true, 0, "");
        }

        static Step failed(int code, String detail) {
            return new Step(false, code, detail);
        }
    }

    /** How often a long download reports progress: the real agent logs a StatusService line as it goes. */
    public static final long PROGRESS_STEP = 8L << 20;

    private final ContentService service;
    private final DownloadProgress progress;
    private final Path incomingDir;
    private final Path imeCacheDir;
    private final ContentDecryptor decryptor;
    private final SafeUnzipper unzipper;

    public ContentStager(ContentService service, Path incomingDir, Path imeCacheDir, ContentDecryptor decryptor,
            SafeUnzipper unzipper) {
        this(service, incomingDir, imeCacheDir, decryptor, unzipper, DownloadProgress.NONE);
    }

    /** @param progress told of each download's progress, at most every {@link #PROGRESS_STEP} (and at the end) */
    public ContentStager(ContentService service, Path incomingDir, Path imeCacheDir, ContentDecryptor decryptor,
            SafeUnzipper unzipper, DownloadProgress progress) {
        this.progress = Objects.requireNonNull(progress, "progress");
        this.service = Objects.requireNonNull(service, "service");
        this.incomingDir = incomingDir;
        this.imeCacheDir = imeCacheDir;
        this.decryptor = decryptor;
        this.unzipper = unzipper;
    }

    public Path incomingFile(AppRef app) {
        return incomingDir.resolve(app.keyName() + ".bin");
    }

    private Path plaintextZip(AppRef app) {
        return incomingDir.resolve(app.keyName() + ".zip");
    }

    /** {@code IMECache\{appId}_{version}}: the installer's working folder. */
    public Path cacheDir(AppRef app) {
        return imeCacheDir.resolve(app.keyName());
    }

    /** Whether the content is unpacked and waiting (a deadline install, or a retry). */
    public boolean staged(AppRef app) {
        Path dir = cacheDir(app);
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return s.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    /** Phase 1: GetContentInfo, then the download into Incoming. The location is kept by the caller for phase 2. */
    public Downloaded download(Win32AppPolicy policy, AppRef app, Scope scope) {
        LOG.info("[Win32App][DownloadActionHandler] Handler invoked for policy with id: {} and version: {}",
                app.appId(), app.version());
        LOG.info("[Win32App] Downloading app on session 0. App: {}", app.appId());
        ContentLocation location;
        try {
            location = service.contentInfo(policy, scope);
        } catch (ContentUnavailableException e) {
            LOG.error("[Win32App] Failed to get content info for app {}: {}", app.appId(), e.getMessage());
            return new Downloaded(null, Step.failed(ErrorCodes.DOWNLOAD_FAILED, e.getMessage()));
        }
        LOG.info("[Win32App] ExternalCDN mode, content raw URL is {}", location.uploadLocation());
        Path target = incomingFile(app);
        try {
            Files.createDirectories(incomingDir);
            long[] expected = {location.size() == null ? -1 : location.size()};
            long[] reported = {-1};
            service.download(location, target, bytes -> {
                if (bytes - reported[0] >= PROGRESS_STEP || bytes == expected[0]) {
                    reported[0] = bytes;
                    LOG.info("[StatusService] Downloading app (id = {}, name {}) via CDN, bytes {}/{} for user {}",
                            app.appId(), policy.name(), bytes, expected[0] < 0 ? bytes : expected[0], scope.id());
                    progress.advanced(app.appId(), policy.name(), bytes, expected[0]);
                }
            }, total -> {
                if (expected[0] < 0 && total >= 0) {
                    expected[0] = total;
                }
            });
            long size = Files.size(target);
            if (reported[0] != size) {
                LOG.info("[StatusService] Downloading app (id = {}, name {}) via CDN, bytes {}/{} for user {}",
                        app.appId(), policy.name(), size, size, scope.id());
                progress.advanced(app.appId(), policy.name(), size, size);
            }
            LOG.info("[Win32App] CDN mode, download completes.");
            return new Downloaded(location, Step.done());
        } catch (IOException | RuntimeException e) {
            LOG.error("[Win32App] Download of app {} failed: {}", app.appId(), e.getMessage());
            deleteQuietly(target);
            return new Downloaded(location, Step.failed(ErrorCodes.DOWNLOAD_FAILED, String.valueOf(e.getMessage())));
        }
    }

    /** What phase 1 left: the location (with the keys) when GetContentInfo answered. */
    public record Downloaded(ContentLocation location, Step step) {
    }

    /** Phase 2: verify the HMAC, decrypt, check the SHA-256 digest; the encrypted file is removed either way. */
    public Step verifyAndDecrypt(AppRef app, ContentLocation location) {
        Path encrypted = incomingFile(app);
        Path zip = plaintextZip(app);
        try {
            decryptor.decrypt(encrypted, location.keys(), zip);
            LOG.info("[Win32App] Hash validation passed for content of app {}; decrypted to {}", app.appId(), zip);
            return Step.done();
        } catch (ContentException e) {
            deleteQuietly(zip);
            LOG.error("[Win32App] Content of app {} refused ({}): {}", app.appId(), e.reason(), e.getMessage());
            int code = switch (e.reason()) {
                case HMAC_MISMATCH, DIGEST_MISMATCH -> ErrorCodes.HASH_MISMATCH;
                case PATH_ESCAPE, BAD_FORMAT -> ErrorCodes.INVALID_CONTENT;
            };
            return Step.failed(code, e.getMessage());
        } catch (IOException | RuntimeException e) {
            deleteQuietly(zip);
            LOG.error("[Win32App] Content of app {} cannot be decrypted: {}", app.appId(), e.getMessage());
            return Step.failed(ErrorCodes.INVALID_CONTENT, String.valueOf(e.getMessage()));
        } finally {
            LOG.info("[Win32App] removing content from cache {}", encrypted);
            deleteQuietly(encrypted);
        }
    }

    /** Phase 3: unpack into {@code IMECache\{appId}_{version}}, all or nothing. */
    public Step unpack(AppRef app, String setUpFilePath) {
        Path zip = plaintextZip(app);
        Path target = cacheDir(app);
        Path partial = imeCacheDir.resolve("." + app.keyName() + ".partial");
        try {
            deleteTree(partial);
            Files.createDirectories(imeCacheDir);
            unzipper.unpack(zip, partial);
            deleteTree(target);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("[Win32App] Decompressed: to {}", setUpFilePath == null ? target : target.resolve(setUpFilePath));
            return Step.done();
        } catch (ContentException e) {
            LOG.error("[Win32App] Content of app {} refused ({}): {}", app.appId(), e.reason(), e.getMessage());
            deleteTreeQuietly(partial);
            return Step.failed(ErrorCodes.INVALID_CONTENT, e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.error("[Win32App] Content of app {} cannot be unpacked: {}", app.appId(), e.getMessage());
            deleteTreeQuietly(partial);
            return Step.failed(ErrorCodes.INVALID_CONTENT, String.valueOf(e.getMessage()));
        } finally {
            deleteQuietly(zip);
        }
    }

    /** Removes everything staged for the app: Incoming files and the IMECache folder. */
    public void cleanup(AppRef app) {
        LOG.info("Cleaning up staged content {}", cacheDir(app));
        deleteQuietly(incomingFile(app));
        deleteQuietly(plaintextZip(app));
        deleteTreeQuietly(cacheDir(app));
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("[Win32App] Could not delete {}: {}", p, e.getMessage());
        }
    }

    private static void deleteTreeQuietly(Path dir) {
        try {
            deleteTree(dir);
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("[Win32App] Could not delete {}: {}", dir, e.getMessage());
        }
    }

    /** Deletes a folder without following links out of it. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
