package org.imelab.install.plan;

import java.util.regex.Pattern;

/** The rules a service name must follow to be a Windows service name and a systemd unit name. */
public final class ServiceNames {
    /** Letters, digits and {@code . _ -}: valid for the SCM and as a systemd unit prefix. */
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");

    /** The real IME's service name (ime-behaviour.md C §6.2). */
    public static final String REAL_IME = "IntuneManagementExtension";
    /** The default on Linux, where there is no real IME to stand in for. */
    public static final String LINUX_DEFAULT = "imelab";

    private ServiceNames() {
    }

    public static void check(String name) {
        if (!VALID.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid service name '" + name
                    + "': use letters, digits, '.', '_' and '-' (at most 80 characters)");
        }
    }
}
