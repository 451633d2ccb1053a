package org.imelab.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Properties;
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
 * the CDN serves), the verified plaintext zip (for the unpack benchmark) and the keys in hex for
 * openssl. Run as a program by bench/content-vs-openssl.sh: {@code ContentBenchmarkData DIR SIZE_MB}.
 */
public final class ContentBenchmarkData {
    static final int FILES = 32;

    public final Path encrypted;
    public final Path plaintextZip;
    public final EncryptionInfo keys;

    private ContentBenchmarkData(Path encrypted, Path plaintextZip, EncryptionInfo keys) {
        this.encrypted = encrypted;
        this.plaintextZip = plaintextZip;
        this.keys = keys;
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

    /** Prepares the data and writes {@code keys.properties} (hex) and the two openssl input files. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int sizeMb = Integer.parseInt(args[1]);
        ContentBenchmarkData d = prepare(dir, sizeMb);
        Path base = dir.resolve(sizeMb + "mb");
        HexFormat hex = HexFormat.of();
        Properties p = new Properties();
        p.setProperty("encrypted", d.encrypted.toString());
        p.setProperty("key", hex.formatHex(d.keys.encryptionKey()));
        p.setProperty("macKey", hex.formatHex(d.keys.macKey()));
        p.setProperty("iv", hex.formatHex(d.keys.initializationVector()));
        p.setProperty("mac", hex.formatHex(d.keys.mac()));
        p.setProperty("digest", hex.formatHex(d.keys.fileDigest()));
        // openssl reads whole files: the MAC covers IV+ciphertext (offset 32), AES starts at 48
        splitFrom(d.encrypted, 32, base.resolve("openssl-mac-input.bin"));
        splitFrom(d.encrypted, 48, base.resolve("openssl-ciphertext.bin"));
        try (OutputStream out = Files.newOutputStream(base.resolve("keys.properties"))) {
            p.store(out, "imelab content benchmark keys (test data only)");
        }
        System.out.println(base);
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
