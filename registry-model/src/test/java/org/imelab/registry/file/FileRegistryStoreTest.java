package org.imelab.registry.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.imelab.registry.RegOp;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.RegistryException;
import org.imelab.registry.RegistryTrees;
import org.imelab.registry.RegistryView;
import org.imelab.registry.memory.MemoryRegistry;
import org.imelab.registry.regfile.RegFileException;
import org.imelab.registry.regfile.RegFileReader;
import org.imelab.registry.regfile.RegFileWriter;
import org.imelab.registry.regfile.RegImport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the files on disk hold, and how the store recovers from what a crash or a person leaves there. */
class FileRegistryStoreTest {
    private static final RegPath IME = RegPath.parse("HKLM\\SOFTWARE\\Microsoft\\IntuneManagementExtension");

    @TempDir
    Path dir;

    private Path snapshot() {
        return dir.resolve(FileRegistry.SNAPSHOT_FILE);
    }

    private Path journal() {
        return dir.resolve(FileRegistry.JOURNAL_FILE);
    }

    @Test
    void reopeningGivesBackEveryKeyAndValue() {
        MemoryRegistry expected = new MemoryRegistry();
        RegistryTrees.fill(expected, IME);
        try (FileRegistry reg = new FileRegistry(dir)) {
            RegistryTrees.fill(reg, IME);
            reg.put(IME.withView(RegistryView.VIEW_32), "x86", RegValue.dword(32));
            expected.put(IME.withView(RegistryView.VIEW_32), "x86", RegValue.dword(32));
        }
        try (FileRegistry reg = new FileRegistry(dir)) {
            RegistryTrees.assertSameRegistry(expected, reg);
        }
    }

    @Test
    void theSnapshotIsWhatRegeditExports() throws Exception {
        MemoryRegistry expected = new MemoryRegistry();
        RegistryTrees.fill(expected, IME);
        try (FileRegistry reg = new FileRegistry(dir)) {
            RegistryTrees.fill(reg, IME);
            reg.compact();
        }
        byte[] bytes = Files.readAllBytes(snapshot());
        String text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        assertEquals(0xfffe, (bytes[0] & 0xff) << 8 | bytes[1] & 0xff);
        assertTrue(text.startsWith("Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE]\r\n\r\n"
                + "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft]\r\n\r\n"
                + "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\IntuneManagementExtension]\r\n@=\"default\"\r\n"), text);
        MemoryRegistry imported = new MemoryRegistry();
        RegImport.importFile(imported, snapshot());
        RegistryTrees.assertSameRegistry(expected, imported);
        assertEquals(Journal.HEADER_SIZE, Files.size(journal()), "compaction empties the journal");
    }

    @Test
    void aWriteAppendsOneRecordAndLeavesTheSnapshotAlone() throws Exception {
        try (FileRegistry reg = new FileRegistry(dir)) {
            List<RegOp> ops = new ArrayList<>();
            for (int i = 0; i < 5000; i++) {
                ops.add(new RegOp.Put(IME.child("Apps", "k" + i / 100), "v" + i, RegValue.sz("value " + i)));
            }
            reg.apply(ops);
            reg.compact();
            byte[] before = Files.readAllBytes(snapshot());
            long journalBefore = Files.size(journal());
            reg.put(IME, "One", RegValue.dword(1));
            assertArrayEquals(before, Files.readAllBytes(snapshot()));
            long grown = Files.size(journal()) - journalBefore;
            assertTrue(grown > 0 && grown < 200, "one small record, was " + grown + " bytes");
        }
    }

    @Test
    void theJournalIsCompactedOnceItOutgrowsTheSnapshot() throws Exception {
        MemoryRegistry expected = new MemoryRegistry();
        try (FileRegistry reg = new FileRegistry(dir, 2048)) {
            for (int i = 0; i < 400; i++) {
                RegOp op = new RegOp.Put(IME.child("k" + i % 7), "v" + i % 50, RegValue.dword(i));
                reg.apply(List.of(op));
                expected.apply(List.of(op));
                long journalBytes = Files.size(journal()) - Journal.HEADER_SIZE;
                assertTrue(journalBytes < Math.max(2048, Files.size(snapshot())) + 200,
                        "journal " + journalBytes + " vs snapshot " + Files.size(snapshot()));
            }
        }
        try (FileRegistry reg = new FileRegistry(dir)) {
            RegistryTrees.assertSameRegistry(expected, reg);
        }
    }

    @Test
    void aTornRecordAtTheEndIsDroppedAndTheStoreStaysWritable() throws Exception {
        try (FileRegistry reg = new FileRegistry(dir)) {
            reg.put(IME, "Acknowledged", RegValue.sz("yes"));
        }
        long good = Files.size(journal());
        // the first bytes of a record whose write was cut short by a crash
        byte[] torn = {0x52, 0x45, 0x43, 0x31, 0, 0, 0, 100, 1, 2, 3, 4, 5, 6};
        Files.write(journal(), torn, StandardOpenOption.APPEND);
        try (FileRegistry reg = new FileRegistry(dir)) {
            assertEquals(Optional.of(RegValue.sz("yes")), reg.get(IME, "Acknowledged"));
            assertEquals(good, Files.size(journal()), "the torn bytes are cut off");
            reg.put(IME, "After", RegValue.sz("also"));
        }
        try (FileRegistry reg = new FileRegistry(dir)) {
            assertEquals(Optional.of(RegValue.sz("yes")), reg.get(IME, "Acknowledged"));
            assertEquals(Optional.of(RegValue.sz("also")), reg.get(IME, "After"));
        }
    }

    @Test
    void aRecordWithABadChecksumEndsTheJournal() throws Exception {
        try (FileRegistry reg = new FileRegistry(dir, Long.MAX_VALUE)) {
            reg.put(IME, "First", RegValue.sz("1"));
            reg.put(IME, "Second", RegValue.sz("2"));
        }
        try (RandomAccessFile f = new RandomAccessFile(journal().toFile(), "rw")) {
            f.seek(f.length() - 1); // flip the last payload byte of the second record
            int b = f.read();
            f.seek(f.length() - 1);
            f.write(b ^ 0xff);
        }
        try (FileRegistry reg = new FileRegistry(dir)) {
            assertEquals(Optional.of(RegValue.sz("1")), reg.get(IME, "First"));
            assertEquals(Optional.empty(), reg.get(IME, "Second"));
        }
    }

    @Test
    void aCompactionInterruptedBetweenRenameAndJournalResetIsRecovered() throws Exception {
        try (FileRegistry reg = new FileRegistry(dir)) {
            reg.put(IME, "x", RegValue.sz("in snapshot and journal"));
            reg.apply(List.of(new RegOp.DeleteTree(IME.child("gone")), new RegOp.Put(IME.child("gone"), "y", RegValue.dword(1))));
        }
        // the state a crash leaves: the compacted snapshot already renamed into place, the old journal still full
        Path other = Files.createDirectory(dir.resolve("copy"));
        Files.copy(snapshot(), other.resolve(FileRegistry.SNAPSHOT_FILE));
        Files.copy(journal(), other.resolve(FileRegistry.JOURNAL_FILE));
        try (FileRegistry copy = new FileRegistry(other)) {
            copy.compact();
        }
        Files.copy(other.resolve(FileRegistry.SNAPSHOT_FILE), snapshot(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.size(journal()) > Journal.HEADER_SIZE);
        try (FileRegistry reg = new FileRegistry(dir)) {
            assertEquals(Optional.of(RegValue.sz("in snapshot and journal")), reg.get(IME, "x"));
            assertEquals(Optional.of(RegValue.dword(1)), reg.get(IME.child("gone"), "y"));
            assertEquals(Journal.HEADER_SIZE, Files.size(journal()), "recovery compacts");
        }
    }

    @Test
    void aSnapshotEditedByHandKeepsTheJournalsWrites() throws Exception {
        try (FileRegistry reg = new FileRegistry(dir)) {
            reg.put(IME, "FromJournal", RegValue.dword(1));
        }
        List<RegOp> ops = new ArrayList<>(RegFileReader.read(snapshot()));
        ops.add(new RegOp.Put(IME.child("Edited"), "ByHand", RegValue.sz("yes")));
        try (RegFileWriter w = RegFileWriter.utf16(Files.newOutputStream(snapshot()))) {
            w.ops(ops);
        }
        try (FileRegistry reg = new FileRegistry(dir)) {
            assertEquals(Optional.of(RegValue.dword(1)), reg.get(IME, "FromJournal"));
            assertEquals(Optional.of(RegValue.sz("yes")), reg.get(IME.child("Edited"), "ByHand"));
        }
    }

    @Test
    void aDamagedJournalHeaderDoesNotLoseTheRecordsAfterIt() throws Exception {
        try (FileRegistry reg = new FileRegistry(dir, Long.MAX_VALUE)) {
            reg.put(IME, "Kept", RegValue.sz("1"));
        }
        try (RandomAccessFile f = new RandomAccessFile(journal().toFile(), "rw")) {
            f.seek(9);
            f.write(0x7f);
        }
        try (FileRegistry reg = new FileRegistry(dir)) {
            assertEquals(Optional.of(RegValue.sz("1")), reg.get(IME, "Kept"));
        }
    }

    @Test
    void aJournalWithoutItsSnapshotIsRefused() throws Exception {
        try (FileRegistry reg = new FileRegistry(dir)) {
            reg.put(IME, "x", RegValue.sz("1"));
        }
        Files.delete(snapshot());
        byte[] journalBytes = Files.readAllBytes(journal());
        RegistryException e = assertThrows(RegistryException.class, () -> new FileRegistry(dir));
        assertTrue(e.getMessage().contains("no registry.reg"), e.getMessage());
        assertArrayEquals(journalBytes, Files.readAllBytes(journal()), "nothing is thrown away");
        assertFalse(Files.exists(snapshot()));
    }

    @Test
    void aMalformedSnapshotIsRefusedWithItsLine() throws Exception {
        try (FileRegistry reg = new FileRegistry(dir)) {
            reg.put(IME, "x", RegValue.sz("1"));
        }
        Files.writeString(snapshot(), "Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE]\r\n\"v\"=dword:xyz\r\n");
        byte[] journalBytes = Files.readAllBytes(journal());
        RegFileException e = assertThrows(RegFileException.class, () -> new FileRegistry(dir));
        assertEquals(4, e.line());
        assertArrayEquals(journalBytes, Files.readAllBytes(journal()));
    }

    @Test
    void aMalformedImportChangesNothingOnDisk() throws Exception {
        try (FileRegistry reg = new FileRegistry(dir)) {
            reg.put(IME, "Keep", RegValue.sz("1"));
            byte[] journalBefore = Files.readAllBytes(journal());
            Path bad = dir.resolve("bad.reg");
            Files.writeString(bad, "Windows Registry Editor Version 5.00\r\n\r\n"
                    + "[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\IntuneManagementExtension]\r\n\r\n"
                    + "[HKEY_LOCAL_MACHINE\\SOFTWARE\\New]\r\n\"a\"=\"1\"\r\n\"b\"=hex(2):41,00,\\\r\n  zz\r\n");
            RegFileException e = assertThrows(RegFileException.class, () -> RegImport.importFile(reg, bad));
            assertEquals(8, e.line(), "the continuation line holding the bad byte");
            assertArrayEquals(journalBefore, Files.readAllBytes(journal()));
            assertEquals(Optional.of(RegValue.sz("1")), reg.get(IME, "Keep"));
            assertFalse(reg.exists(RegPath.parse("HKLM\\SOFTWARE\\New")));
        }
    }

    @Test
    void aKeyNameThatNoRegFileCanHoldIsRefusedWithTheWholeBatch() {
        try (FileRegistry reg = new FileRegistry(dir)) {
            RegistryException e = assertThrows(RegistryException.class, () -> reg.apply(List.of(
                    new RegOp.Put(IME, "fine", RegValue.dword(1)),
                    new RegOp.CreateKey(IME.child("two\nlines")))));
            assertEquals(RegistryException.ERROR_INVALID_PARAMETER, e.win32Error());
            assertFalse(reg.exists(IME));
        }
        try (FileRegistry reg = new FileRegistry(dir)) {
            assertFalse(reg.exists(IME));
        }
    }

    @Test
    void aClosedStoreRefusesUse() {
        FileRegistry reg = new FileRegistry(dir);
        reg.close();
        reg.close();
        assertThrows(RegistryException.class, () -> reg.get(IME, "x"));
        assertThrows(RegistryException.class, () -> reg.put(IME, "x", RegValue.dword(1)));
    }

    @Test
    void twoStoresOnOneDirectorySeeEachOthersWritesAndCompactions() {
        try (FileRegistry a = new FileRegistry(dir); FileRegistry b = new FileRegistry(dir)) {
            a.put(IME, "FromA", RegValue.dword(1));
            assertEquals(Optional.of(RegValue.dword(1)), b.get(IME, "FromA"));
            b.put(IME, "FromB", RegValue.dword(2));
            b.compact();
            a.put(IME, "AfterCompaction", RegValue.dword(3));
            assertEquals(Optional.of(RegValue.dword(2)), a.get(IME, "FromB"));
            assertEquals(Optional.of(RegValue.dword(3)), b.get(IME, "AfterCompaction"));
            assertTrue(a.deleteValue(IME, "FromB"));
            assertEquals(Optional.empty(), b.get(IME, "FromB"));
        }
        try (FileRegistry c = new FileRegistry(dir)) {
            assertEquals(List.of("FromA", "AfterCompaction"), new ArrayList<>(c.values(IME).keySet()));
        }
    }

    @Test
    void anInterruptedThreadStillWritesAndKeepsItsInterrupt() {
        try (FileRegistry reg = new FileRegistry(dir, 1)) { // compacts on every write: more file work to interrupt
            Thread.currentThread().interrupt();
            reg.put(IME, "x", RegValue.sz("written"));
            assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
            Thread.currentThread().interrupt();
            assertEquals(Optional.of(RegValue.sz("written")), reg.get(IME, "x"));
            Thread.interrupted();
            reg.put(IME, "y", RegValue.sz("still works"));
        } finally {
            Thread.interrupted();
        }
        try (FileRegistry reg = new FileRegistry(dir)) {
            assertEquals(Optional.of(RegValue.sz("still works")), reg.get(IME, "y"));
        }
    }
}
