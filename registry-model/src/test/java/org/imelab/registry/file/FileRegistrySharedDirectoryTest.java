package org.imelab.registry.file;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imelab.registry.RegOp;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.Registry;
import org.imelab.registry.RegistryContractTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract again, with two stores open on one directory: every write goes through one and
 * every read through the other, so each read depends on catching up on the other's journal
 * (and on its compactions, which happen every 2 KiB here).
 */
class FileRegistrySharedDirectoryTest extends RegistryContractTest {
    @TempDir
    Path dir;

    @Override
    protected Registry openRegistry() {
        return new WriteHereReadThere(new FileRegistry(dir, 2048), new FileRegistry(dir, 2048));
    }

    private record WriteHereReadThere(FileRegistry writer, FileRegistry reader) implements Registry {
        @Override public Optional<RegValue> get(RegPath key, String name) { return reader.get(key, name); }
        @Override public Map<String, RegValue> values(RegPath key) { return reader.values(key); }
        @Override public List<String> subKeys(RegPath key) { return reader.subKeys(key); }
        @Override public boolean exists(RegPath key) { return reader.exists(key); }
        @Override public void createKey(RegPath key) { writer.createKey(key); }
        @Override public void put(RegPath key, String name, RegValue value) { writer.put(key, name, value); }
        @Override public boolean deleteValue(RegPath key, String name) { return writer.deleteValue(key, name); }
        @Override public boolean deleteTree(RegPath key) { return writer.deleteTree(key); }
        @Override public void apply(List<RegOp> ops) { writer.apply(ops); }

        @Override
        public void close() {
            writer.close();
            reader.close();
        }
    }
}
