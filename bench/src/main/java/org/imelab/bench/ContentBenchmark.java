package org.imelab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.imelab.gateway.content.ContentDecryptor;
import org.imelab.gateway.content.ContentException;
import org.imelab.gateway.content.DecryptedContent;
import org.imelab.gateway.content.SafeUnzipper;
import org.imelab.gateway.content.UnpackedContent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Content phases 2 and 3 on a large package: verify HMAC + decrypt + SHA-256 digest (one pass,
 * overlapped on three threads) and, separately, the safe unpack. The reference is openssl doing
 * the same three steps one after the other on the same data ({@code dgst -sha256 -mac HMAC} over IV+ciphertext,
 * {@code enc -d -aes-256-cbc}, {@code dgst -sha256} over the plaintext), run as child processes in
 * the same fork so both see the same machine. The heap is capped far below the package size to
 * show memory does not grow with it. bench/content-vs-openssl.sh prints the ratio.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx128m"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class ContentBenchmark {
    @Param("256")
    public int sizeMb;

    @Param("/tmp/imelab-content-bench")
    public String dir;

    private ContentBenchmarkData data;
    private final ContentDecryptor decryptor = new ContentDecryptor();
    private Path plainOut;
    private Path unpackDir;

    @Setup(Level.Trial)
    public void prepare() throws IOException, ContentException {
        data = ContentBenchmarkData.prepare(Path.of(dir), sizeMb);
        plainOut = data.encrypted.resolveSibling("bench-plain.zip");
        unpackDir = data.encrypted.resolveSibling("bench-unpacked");
    }

    @Setup(Level.Iteration)
    public void clean() throws IOException {
        Files.deleteIfExists(plainOut);
        ContentBenchmarkData.deleteTree(unpackDir);
    }

    @Benchmark
    public DecryptedContent verifyDecryptDigest() throws IOException, ContentException {
        return decryptor.decrypt(data.encrypted, data.keys, plainOut);
    }

    /** openssl, three commands in a row, checking the MAC and the digest it computes. */
    @Benchmark
    public String opensslReference() throws IOException, InterruptedException {
        HexFormat hex = HexFormat.of();
        String mac = firstWord(run("openssl", "dgst", "-sha256", "-mac", "HMAC", "-macopt",
                "hexkey:" + hex.formatHex(data.keys.macKey()), "-r", data.opensslMacInput.toString()));
        run("openssl", "enc", "-d", "-aes-256-cbc", "-K", hex.formatHex(data.keys.encryptionKey()),
                "-iv", hex.formatHex(data.keys.initializationVector()), "-in", data.opensslCiphertext.toString(),
                "-out", plainOut.toString());
        String digest = firstWord(run("openssl", "dgst", "-sha256", "-r", plainOut.toString()));
        if (!mac.equals(hex.formatHex(data.keys.mac())) || !digest.equals(hex.formatHex(data.keys.fileDigest()))) {
            throw new IllegalStateException("openssl computed a different MAC or digest");
        }
        return digest;
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd[0], cmd[1]) + " failed with " + p.exitValue());
        }
        return out;
    }

    private static String firstWord(String s) {
        return s.strip().split("\\s+")[0];
    }

    @Benchmark
    public UnpackedContent unpack() throws IOException, ContentException {
        return new SafeUnzipper().unpack(data.plaintextZip, unpackDir);
    }
}
