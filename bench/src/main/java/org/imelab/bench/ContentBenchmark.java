package org.imelab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Content phases 2 and 3 on a large package: verify HMAC + decrypt + SHA-256 digest (one pass, two
 * threads) and, separately, the safe unpack. The heap is capped far below the package size to
 * show memory does not grow with it. bench/content-vs-openssl.sh runs this beside openssl doing the
 * same three steps one after the other and prints the ratio.
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

    @Benchmark
    public UnpackedContent unpack() throws IOException, ContentException {
        return new SafeUnzipper().unpack(data.plaintextZip, unpackDir);
    }
}
