package org.imelab.agent.win32app.graph;

import java.util.Locale;
import java.util.Objects;
import org.imelab.registry.ime.Win32AppKey;

/** An app revision: the policy's Id and Version, as in the registry key {@code {appId}_{version}}. */
public record AppRef(String appId, int version) implements Comparable<AppRef> {

    public AppRef {
        Objects.requireNonNull(appId, "appId");
        appId = appId.toLowerCase(Locale.ROOT);
    }

    /** {@code 6e0911dd-..._1}: the app key name and the IMECache folder name. */
    public String keyName() {
        return appId + "_" + version;
    }

    /** The same revision as the registry model names it. */
    public Win32AppKey key() {
        return Win32AppKey.of(appId, version);
    }

    @Override
    public int compareTo(AppRef o) {
        int c = appId.compareTo(o.appId);
        return c != 0 ? c : Integer.compare(version, o.version);
    }

    @Override
    public String toString() {
        return keyName();
    }
}
