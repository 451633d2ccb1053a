package org.imelab.registry.ime;

import java.time.Instant;
import java.util.Objects;

/**
 * One app's entry in the Global Re-evaluation Schedule: the value {@code {appId}} under
 * {@code Win32Apps\{scope}\GRS\{hash}}, holding the time the app entered the GRS.
 */
public record GrsEntry(Scope scope, SubgraphHash hash, String appId, Instant enteredUtc) {
    public GrsEntry {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(hash, "hash");
        appId = Guids.require(appId, "An app id");
        Objects.requireNonNull(enteredUtc, "enteredUtc");
    }
}
