package org.imelab.registry.file;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.imelab.registry.RegOp;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;

/**
 * The child process of the crash tests: applies batch 0, 1, 2, ... of a reproducible series to
 * a FileRegistry and reports each one on stdout: {@code try N} before, {@code ack N} once
 * {@code apply} has returned. Runs until killed, or for a given number of batches.
 *
 * <p>Arguments: directory, prefix (the subtree it owns), seed, compactionMinBytes, churn
 * (true: each batch also writes and deletes a 4 KiB scratch value, so the journal outgrows
 * the snapshot every few batches and compactions are frequent), batches (-1 = forever).
 */
public final class CrashWriter {
    static final RegPath BASE = RegPath.parse("HKLM\\SOFTWARE\\imelab-crash-test");

    private CrashWriter() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        String prefix = args[1];
        long seed = Long.parseLong(args[2]);
        long compactionMinBytes = Long.parseLong(args[3]);
        boolean churn = Boolean.parseBoolean(args[4]);
        int batches = Integer.parseInt(args[5]);
        PrintStream out = System.out;
        try (FileRegistry reg = new FileRegistry(dir, compactionMinBytes)) {
            for (int i = 0; batches < 0 || i < batches; i++) {
                List<RegOp> ops = batch(prefix, seed, i, churn);
                out.println("try " + i);
                out.flush();
                reg.apply(ops);
                out.println("ack " + i);
                out.flush();
            }
        }
    }

    /** Batch {@code i} of the series: puts of every type, value and key deletions, empty keys. */
    static List<RegOp> batch(String prefix, long seed, int i, boolean churn) {
        Random rnd = new Random(seed * 1_000_003L + i);
        RegPath root = BASE.child(prefix);
        int n = rnd.nextInt(4) == 0 ? 2 + rnd.nextInt(15) : 1;
        List<RegOp> ops = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            RegPath key = root.child("k" + rnd.nextInt(8));
            String name = "v" + rnd.nextInt(10);
            int r = rnd.nextInt(20);
            if (r == 0) {
                ops.add(new RegOp.DeleteTree(key));
            } else if (r < 3) {
                ops.add(new RegOp.DeleteValue(key, name));
            } else if (r == 3) {
                ops.add(new RegOp.CreateKey(key.child("Empty")));
            } else {
                ops.add(new RegOp.Put(key, name, value(rnd, i)));
            }
        }
        if (churn) {
            byte[] scratch = new byte[4096];
            rnd.nextBytes(scratch);
            ops.add(new RegOp.Put(root, "scratch", new RegValue.Binary(scratch)));
            ops.add(new RegOp.DeleteValue(root, "scratch"));
        }
        return ops;
    }

    private static RegValue value(Random rnd, int i) {
        return switch (rnd.nextInt(6)) {
            case 0 -> RegValue.sz("batch " + i);
            case 1 -> RegValue.dword(i);
            case 2 -> RegValue.qword(rnd.nextLong());
            case 3 -> new RegValue.MultiSz(List.of("a" + i, "b"));
            case 4 -> new RegValue.ExpandSz("%TEMP%\\" + i);
            default -> {
                byte[] b = new byte[rnd.nextInt(120)];
                rnd.nextBytes(b);
                yield new RegValue.Binary(b);
            }
        };
    }
}
