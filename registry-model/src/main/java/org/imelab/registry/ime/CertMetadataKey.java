package org.imelab.registry.ime;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.imelab.registry.RegOp;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.Registry;

/**
 * The {@code CertMetadata} key under the IME root, where the Client Cert Checker remembers the
 * MDM certificate it validated: REG_SZ values {@code Thumbprint}, {@code SubjectName},
 * {@code ValidationTime} ({@link ImeTime}: {@code MM/dd/yyyy HH:mm:ss}, UTC, like {@code LastUpdatedTimeUtc}) and
 * {@code StoreLocation} ({@code LocalMachine} or {@code CurrentUser}, the .NET StoreLocation names).
 *
 * <p>No public source shows the real value names (ime-behaviour.md C §1.1); these are the project's
 * decision (Part A "cert metadata" puts them under the IME root, although C §1.1 would keep
 * unknown state in imelab's own key). This class is the only place that spells them.
 */
public final class CertMetadataKey {

    /** The key's name; {@link ImeLayout#certMetadata()} owns its place. */
    public static final String KEY_NAME = ImeLayout.CERT_METADATA;
    public static final String THUMBPRINT = "Thumbprint";
    public static final String SUBJECT_NAME = "SubjectName";
    public static final String VALIDATION_TIME = "ValidationTime";
    public static final String STORE_LOCATION = "StoreLocation";

    private final Registry registry;
    private final RegPath key;

    /** The key under the IME root {@code imeRoot} (the layout {@link ImeLayout#at} makes of it). */
    public CertMetadataKey(Registry registry, RegPath imeRoot) {
        this(registry, ImeLayout.at(imeRoot));
    }

    public CertMetadataKey(Registry registry, ImeLayout layout) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.key = layout.certMetadata();
    }

    /** The key under the real device's IME root. */
    public static CertMetadataKey of(Registry registry) {
        return new CertMetadataKey(registry, ImeLayout.standard());
    }

    public RegPath path() {
        return key;
    }

    /** What the key holds: nothing, a complete record, or something a person must look at. */
    public sealed interface Reading {
        record Absent() implements Reading {
        }

        record Present(Values values) implements Reading {
        }

        /** The key exists but a value is missing, of the wrong type or unparsable. */
        record Malformed(String reason) implements Reading {
        }
    }

    /** The four values, already parsed. */
    public record Values(String thumbprint, String subjectName, Instant validationTime, String storeLocation) {
        public Values {
            Objects.requireNonNull(thumbprint, "thumbprint");
            Objects.requireNonNull(subjectName, "subjectName");
            Objects.requireNonNull(validationTime, "validationTime");
            Objects.requireNonNull(storeLocation, "storeLocation");
            if (thumbprint.isBlank()) {
                throw new IllegalArgumentException("Empty thumbprint");
            }
        }

        /** The ValidationTime as stored ({@link ImeTime}): whole seconds, UTC. */
        public String validationTimeText() {
            return ImeTime.format(validationTime);
        }
    }

    public Reading read() {
        if (!registry.exists(key)) {
            return new Reading.Absent();
        }
        Map<String, RegValue> values = registry.values(key);
        String thumbprint = text(values, THUMBPRINT);
        String subject = text(values, SUBJECT_NAME);
        String time = text(values, VALIDATION_TIME);
        String location = text(values, STORE_LOCATION);
        if (thumbprint == null || thumbprint.isBlank()) {
            return new Reading.Malformed(THUMBPRINT + " is missing, empty or not a REG_SZ");
        }
        if (subject == null || time == null || location == null) {
            return new Reading.Malformed("one of " + SUBJECT_NAME + ", " + VALIDATION_TIME + ", "
                    + STORE_LOCATION + " is missing or not a REG_SZ");
        }
        Optional<Instant> validated = ImeTime.parse(time);
        if (validated.isEmpty()) {
            return new Reading.Malformed(VALIDATION_TIME + " '" + time + "' is not MM/dd/yyyy HH:mm:ss");
        }
        return new Reading.Present(new Values(thumbprint.trim(), subject, validated.get(), location));
    }

    /** Replaces the key's content in one batch: the old values go, the four new ones arrive together. */
    public void write(Values values) {
        registry.apply(List.of(
                new RegOp.DeleteTree(key),
                new RegOp.CreateKey(key),
                new RegOp.Put(key, THUMBPRINT, RegValue.sz(values.thumbprint())),
                new RegOp.Put(key, SUBJECT_NAME, RegValue.sz(values.subjectName())),
                new RegOp.Put(key, VALIDATION_TIME, RegValue.sz(values.validationTimeText())),
                new RegOp.Put(key, STORE_LOCATION, RegValue.sz(values.storeLocation()))));
    }

    /** Deletes the key; false when there was none. */
    public boolean delete() {
        return registry.deleteTree(key);
    }

    private static String text(Map<String, RegValue> values, String name) {
        for (Map.Entry<String, RegValue> e : values.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue() instanceof RegValue.Sz sz ? sz.value() : null;
            }
        }
        return null;
    }
}
