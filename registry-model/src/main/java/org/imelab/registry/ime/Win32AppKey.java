package org.imelab.registry.ime;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An app and the revision the IME processed, named {@code {appId}_{version}} as its key under
 * {@code Win32Apps\{scope}} and its folder under IMECache (the {@code _1} is the policy's
 * {@code "Version":1}).
 */
public record Win32AppKey(String appId, int version) implements Comparable<Win32AppKey> {
    private static final Pattern KEY_NAME = Pattern.compile("([^_\\\\]+)_(\\d{1,9})");
    private static final Comparator<Win32AppKey> ORDER =
            Comparator.comparing(Win32AppKey::appId).thenComparingInt(Win32AppKey::version);

    public Win32AppKey {
        appId = Guids.require(appId, "An app id");
        if (version < 0) {
            throw new IllegalArgumentException("An app version is not negative: " + version);
        }
    }

    public static Win32AppKey of(String appId, int version) {
        return new Win32AppKey(appId, version);
    }

    /**
     * The app key a key name stands for, or empty for anything else found under a scope key
     * ({@code GRS}, names without a numeric revision, non-GUID names).
     */
    public static Optional<Win32AppKey> parse(String keyName) {
        Matcher m = KEY_NAME.matcher(keyName);
        if (!m.matches() || !Guids.isGuid(m.group(1))) {
            return Optional.empty();
        }
        return Optional.of(new Win32AppKey(m.group(1), Integer.parseInt(m.group(2))));
    }

    /** {@code 6e0911dd-6755-4eb7-8a75-ba02e685232b_1}. */
    public String keyName() {
        return appId + "_" + version;
    }

    @Override
    public int compareTo(Win32AppKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return keyName();
    }
}
