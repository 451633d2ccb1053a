package org.imelab.agent.win32app.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.imelab.agent.win32app.graph.AppRef;
import org.imelab.gateway.content.ContentDecryptor;
import org.imelab.gateway.content.EncryptionInfo;
import org.imelab.gateway.content.SafeUnzipper;
import org.imelab.gateway.protocol.win32.Win32AppPolicy;
import org.imelab.registry.ime.Scope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloadProgressTest {
    /** Phase 1 does not open the keys; any well-formed set will do. */
    static final EncryptionInfo KEYS = new EncryptionInfo(new byte[32], new byte[32], new byte[16], new byte[32],
            EncryptionInfo.PROFILE_VERSION_1, new byte[32], EncryptionInfo.SHA256);


    /** A CDN that sends {@code size} bytes in 1 MiB chunks, telling the stager as it goes. */
    static final class ChunkedService implements ContentService {
        final long size;

        ChunkedService(long size) {
            this.size = size;
        }

        @Override
        public ContentLocation contentInfo(Win32AppPolicy policy, Scope scope) {
            return new ContentLocation(URI.create("https://cdn.invalid/app.intunewin.bin"), KEYS, size);
        }

        @Override
        public void download(ContentLocation location, Path target) {
            throw new UnsupportedOperationException("the stager asks for progress");
        }

        @Override
        public void download(ContentLocation location, Path target, LongConsumer received, LongConsumer total)
                throws IOException {
            total.accept(size);
            byte[] chunk = new byte[1 << 20];
            try (OutputStream out = Files.newOutputStream(target)) {
                for (long sent = 0; sent < size; ) {
                    int n = (int) Math.min(chunk.length, size - sent);
                    out.write(chunk, 0, n);
                    sent += n;
                    received.accept(sent);
                }
            }
        }
    }

    @Test
    void aLongDownloadReportsEveryEightMegabytesAndTheEnd(@TempDir Path dir) {
        List<long[]> seen = new ArrayList<>();
        long size = 20L << 20;
        ContentStager stager = new ContentStager(new ChunkedService(size), dir.resolve("Incoming"), dir.resolve("IMECache"),
                new ContentDecryptor(), new SafeUnzipper(), (appId, name, bytes, total) -> seen.add(new long[] {bytes, total}));
        Win32AppPolicy policy = Win32AppPolicy.builder("5a3b1e00-0000-4000-8000-0000000000aa", "Big app", 1).build();

        ContentStager.Downloaded d = stager.download(policy, new AppRef(policy.id(), 1), Scope.DEVICE);

        assertTrue(d.step().ok(), d.step().detail());
        assertEquals(List.of(8L << 20, 16L << 20, 20L << 20), seen.stream().map(a -> a[0]).toList());
        assertTrue(seen.stream().allMatch(a -> a[1] == size));
    }

    @Test
    void aServiceThatCannotTellReportsOnceAtTheEnd(@TempDir Path dir) {
        List<Long> seen = new ArrayList<>();
        ContentService plain = new ContentService() {
            @Override
            public ContentLocation contentInfo(Win32AppPolicy policy, Scope scope) {
                return new ContentLocation(URI.create("https://cdn.invalid/x"), KEYS, null);
            }

            @Override
            public void download(ContentLocation location, Path target) throws IOException {
                Files.write(target, new byte[1234]);
            }
        };
        ContentStager stager = new ContentStager(plain, dir.resolve("Incoming"), dir.resolve("IMECache"),
                new ContentDecryptor(), new SafeUnzipper(), (appId, name, bytes, total) -> seen.add(bytes));
        Win32AppPolicy policy = Win32AppPolicy.builder("5a3b1e00-0000-4000-8000-0000000000ab", "Small app", 1).build();

        assertTrue(stager.download(policy, new AppRef(policy.id(), 1), Scope.DEVICE).step().ok());
        assertEquals(List.of(1234L), seen);
    }
}
