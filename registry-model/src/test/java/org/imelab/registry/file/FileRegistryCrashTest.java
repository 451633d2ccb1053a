package org.imelab.registry.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegistryTrees;
import org.imelab.registry.memory.MemoryRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety with real processes: a child JVM ({@link CrashWriter}) writes batches and
 * reports each acknowledged one; the test kills it with SIGKILL at a random moment, several
 * times on the same store, then checks that the store opens and holds exactly the acknowledged
 * batches (plus, possibly, the one in flight, whole or not at all).
 */
class FileRegistryCrashTest {
    @TempDir
    Path dir;

    /** One child run: what it owned, how far it was acknowledged, whether a batch was in flight. */
    private record Run(String prefix, long seed, boolean churn, int lastAck, int lastTry) {
    }

    @Test
    void killedAtRandomMomentsLosesNoAcknowledgedWrite() throws Exception {
        killRepeatedly(4096, false);
    }

    @Test
    void killedWhileCompactingOftenLosesNoAcknowledgedWrite() throws Exception {
        killRepeatedly(1, true);
    }

    private void killRepeatedly(long compactionMinBytes, boolean churn) throws Exception {
        long seed = System.nanoTime();
        Random rnd = new Random(seed);
        List<Run> runs = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            String prefix = "run" + round;
            long runSeed = rnd.nextLong();
            Process p = start(prefix, runSeed, compactionMinBytes, churn, -1, "round" + round);
            Acks acks = new Acks(p, 3 + rnd.nextInt(40));
            assertTrue(acks.started.await(60, TimeUnit.SECONDS), "the child did not get going: " + stderr("round" + round));
            // a random moment, not just "right after an ack": anywhere in a write or a compaction
            assertFalse(p.waitFor(rnd.nextInt(60_000), TimeUnit.MICROSECONDS), stderr("round" + round));
            p.toHandle().destroyForcibly(); // SIGKILL; unlike Process.destroyForcibly it leaves stdout open, so no ack is missed
            acks.reader.join();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, p.exitValue(), "killed, not finished: " + stderr("round" + round));
            runs.add(new Run(prefix, runSeed, churn, acks.lastAck, acks.lastTry));
        }
        verify(runs, "seed " + seed);
    }

    /** Reads a child's stdout to the end, keeping the last {@code try} and {@code ack} numbers. */
    private static final class Acks {
        final CountDownLatch started = new CountDownLatch(1);
        final Thread reader;
        volatile int lastAck = -1;
        volatile int lastTry = -1;

        Acks(Process p, int startedAfter) {
            reader = Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        if (line.startsWith("ack ")) {
                            lastAck = Integer.parseInt(line.substring(4));
                            if (lastAck + 1 >= startedAfter) {
                                started.countDown();
                            }
                        } else if (line.startsWith("try ")) {
                            lastTry = Integer.parseInt(line.substring(4));
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Test
    void twoProcessesWritingTheSameStoreAtOnceLoseNothing() throws Exception {
        long seed = System.nanoTime();
        int batches = 120;
        Process a = start("a", seed, 2048, false, batches, "a");
        Process b = start("b", seed + 1, 2048, false, batches, "b");
        for (Process p : List.of(a, b)) {
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        }
        assertEquals(0, a.exitValue(), stderr("a"));
        assertEquals(0, b.exitValue(), stderr("b"));
        verify(List.of(new Run("a", seed, false, batches - 1, batches - 1),
                new Run("b", seed + 1, false, batches - 1, batches - 1)), "seed " + seed);
    }

    private void verify(List<Run> runs, String context) {
        try (FileRegistry reg = new FileRegistry(dir)) {
            for (Run run : runs) {
                RegPath subtree = CrashWriter.BASE.child(run.prefix());
                MemoryRegistry acknowledged = replay(run, run.lastAck());
                if (RegistryTrees.sameTree(acknowledged, reg, subtree)) {
                    continue;
                }
                if (run.lastTry() > run.lastAck()
                        && RegistryTrees.sameTree(replay(run, run.lastTry()), reg, subtree)) {
                    continue; // the batch in flight made it to disk, whole
                }
                RegistryTrees.assertSameTree(acknowledged, reg, subtree); // shows the difference
                fail("unreachable");
            }
        }
    }

    private static MemoryRegistry replay(Run run, int upTo) {
        MemoryRegistry m = new MemoryRegistry();
        for (int i = 0; i <= upTo; i++) {
            m.apply(CrashWriter.batch(run.prefix(), run.seed(), i, run.churn()));
        }
        return m;
    }

    private Process start(String prefix, long seed, long compactionMinBytes, boolean churn, int batches, String name)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx64m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), CrashWriter.class.getName(),
                dir.toString(), prefix, Long.toString(seed), Long.toString(compactionMinBytes),
                Boolean.toString(churn), Integer.toString(batches));
        pb.redirectError(dir.resolveSibling(dir.getFileName() + "-" + name + ".err").toFile());
        return pb.start();
    }

    private String stderr(String name) {
        try {
            return Files.readString(dir.resolveSibling(dir.getFileName() + "-" + name + ".err"));
        } catch (IOException e) {
            return "(no stderr: " + e + ")";
        }
    }
}
