package org.imelab.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.imelab.gateway.content.ContentDecryptor;
import org.imelab.gateway.content.ContentException;
import org.imelab.gateway.content.EncryptionInfo;
import org.imelab.gateway.content.IntuneWinPackage;
import org.imelab.gateway.content.IntuneWinPacker;

/**
 * Builds the benchmark's package once per size and keeps it: a source folder of incompressible
 * files packed by {@link IntuneWinPacker} into a real .intunewin, its encrypted inner file (what
 * the CDN serves), the verified plaintext zip (for the unpack benchmark) and the inputs for
 * openssl (the inner file cut at offsets 32 and 48, as openssl reads whole files).
 */
public final class ContentBenchmarkData {
    static final int FILES = 32;

    public final Path encrypted;
    public final Path plaintextZip;
    public final EncryptionInfo keys;
    /** openssl reads whole files: the MAC covers IV+ciphertext (offset 32), AES starts at 48. */
    public final Path opensslMacInput;
    public final Path opensslCiphertext;

    private ContentBenchmarkData(Path encrypted, Path plaintextZip, EncryptionInfo keys) throws IOException {
        this.encrypted = encrypted;
        this.plaintextZip = plaintextZip;
        this.keys = keys;
        this.opensslMacInput = encrypted.resolveSibling("openssl-mac-input.bin");
        this.opensslCiphertext = encrypted.resolveSibling("openssl-ciphertext.bin");
        splitFrom(encrypted, 32, opensslMacInput);
        splitFrom(encrypted, 48, opensslCiphertext);
    }

    public static ContentBenchmarkData prepare(Path dir, int sizeMb) throws IOException, ContentException {
        Path base = dir.resolve(sizeMb + "mb");
        Path pkgFile = base.resolve("out/setup.intunewin");
        Path encrypted = base.resolve("content.intunewin.bin");
        Path plain = base.resolve("content.zip");
        if (!Files.exists(pkgFile) || !Files.exists(encrypted) || !Files.exists(plain)) {
            Path src = base.resolve("source");
            deleteTree(base);
            Files.createDirectories(src);
            Files.writeString(src.resolve("setup.cmd"), "@echo off\r\nexit /b 0\r\n");
            SplittableRandom random = new SplittableRandom(7);
            long perFile = (long) sizeMb * 1024 * 1024 / FILES;
            byte[] buf = new byte[1 << 20];
            Path data = Files.createDirectories(src.resolve("data"));
            for (int i = 0; i < FILES; i++) {
                try (OutputStream out = Files.newOutputStream(data.resolve("part" + i + ".bin"))) {
                    for (long left = perFile; left > 0; left -= buf.length) {
                        random.nextBytes(buf);
                        out.write(buf, 0, (int) Math.min(buf.length, left));
                    }
                }
            }
            new IntuneWinPacker().pack(src, Path.of("setup.cmd"), base.resolve("out"));
            deleteTree(src);
            try (IntuneWinPackage pkg = IntuneWinPackage.open(pkgFile)) {
                pkg.extractEncryptedContent(encrypted);
                new ContentDecryptor().decrypt(encrypted, pkg.info().encryptionInfo(), plain);
            }
        }
        try (IntuneWinPackage pkg = IntuneWinPackage.open(pkgFile)) {
            return new ContentBenchmarkData(encrypted, plain, pkg.info().encryptionInfo());
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }

    private static void splitFrom(Path file, long offset, Path out) throws IOException {
        if (Files.exists(out) && Files.size(out) == Files.size(file) - offset) {
            return;
        }
        try (InputStream in = Files.newInputStream(file); OutputStream o = Files.newOutputStream(out)) {
            in.skipNBytes(offset);
            in.transferTo(o);
        }
    }
}
