package org.imelab.install.linux;

import java.util.List;

/**
 * The xdg desktop entry that makes imelab the handler of {@code intunemanagementextension://}
 * links: {@code MimeType=x-scheme-handler/intunemanagementextension;}, run with the URL as
 * {@code %u}. Hidden from menus, like the IME's own moniker handler has no window.
 */
public final class DesktopEntry {
    public static final String SCHEME = "intunemanagementextension";
    public static final String MIME_TYPE = "x-scheme-handler/" + SCHEME;

    private DesktopEntry() {
    }

    /** {@code imelab-moniker.desktop} for the default service name. */
    public static String fileName(String serviceName) {
        return serviceName + "-moniker.desktop";
    }

    public static String text(String serviceName, List<String> monikerArgv) {
        return "[Desktop Entry]\n"
                + "# " + SystemdUnits.MARKER + " (service " + serviceName + "); `imelab uninstall` removes it.\n"
                + "Type=Application\n"
                + "Version=1.4\n"
                + "Name=imelab moniker handler (" + serviceName + ")\n"
                + "Comment=Hands intunemanagementextension:// links to the running imelab daemon\n"
                + "Exec=" + DesktopExec.join(monikerArgv, "%u") + "\n"
                + "Terminal=false\n"
                + "NoDisplay=true\n"
                + "MimeType=" + MIME_TYPE + ";\n";
    }

    /** The value of the {@code Exec} key of a desktop entry's text. */
    public static String exec(String text) {
        return SystemdUnits.value(text, "Exec");
    }
}
