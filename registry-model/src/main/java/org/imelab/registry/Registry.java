package org.imelab.registry;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Windows registry as imelab uses it. Every backend (Advapi32 on Windows, the portable file
 * registry, memory) behaves the same way; one contract test suite holds them to it.
 *
 * <p>Reading a missing key is not an error: it reads as empty. Writing creates the missing keys
 * on the way, as {@code RegCreateKeyEx} does.
 */
public interface Registry extends AutoCloseable {

    /** The value, or empty when the key or the value is absent. The default value is named "". */
    Optional<RegValue> get(RegPath key, String name);

    /** All values of a key in the backend's enumeration order, names as stored; empty when the key is absent. */
    Map<String, RegValue> values(RegPath key);

    /** The names of the direct subkeys, as stored; empty when the key is absent. */
    List<String> subKeys(RegPath key);

    boolean exists(RegPath key);

    /** Creates the key and any missing parents; nothing happens when it exists. */
    void createKey(RegPath key);

    /** Sets a value, creating the key path. The write is durable when this returns. */
    void put(RegPath key, String name, RegValue value);

    /** Deletes one value; returns false when it (or its key) was not there. */
    boolean deleteValue(RegPath key, String name);

    /** Deletes a key with everything below it; returns false when it was not there. */
    boolean deleteTree(RegPath key);

    /**
     * Applies a list of changes as one unit. The file and memory backends apply all or nothing;
     * the Windows backend validates everything before the first write and stops at the first
     * failing call (the Win32 registry has no cheap transactions).
     */
    void apply(List<RegOp> ops);

    /** Releases handles, locks and files. */
    @Override
    default void close() {
    }
}
