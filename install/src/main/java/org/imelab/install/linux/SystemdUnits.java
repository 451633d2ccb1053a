package org.imelab.install.linux;

import java.util.List;

/**
 * The text of the systemd units imelab installs: the daemon, and a oneshot service with a timer
 * for each periodic job (the Client Cert Checker at start-up and daily, the health evaluation
 * hourly), as the IME's scheduled tasks do on Windows.
 */
public final class SystemdUnits {
    /** Every file imelab writes starts with this; a file without it is not imelab's. */
    public static final String MARKER = "Written by imelab install";

    private final String serviceName;
    private final boolean userScope;
    private final String build;

    public SystemdUnits(String serviceName, boolean userScope) {
        this(serviceName, userScope, null);
    }

    /** @param build the program's fingerprint: a new build changes the units, so systemd reloads and restarts */
    public SystemdUnits(String serviceName, boolean userScope, String build) {
        this.serviceName = serviceName;
        this.userScope = userScope;
        this.build = build;
    }

    public String daemonUnitName() {
        return serviceName + ".service";
    }

    public String certCheckServiceName() {
        return serviceName + "-certcheck.service";
    }

    public String certCheckTimerName() {
        return serviceName + "-certcheck.timer";
    }

    public String healthServiceName() {
        return serviceName + "-health.service";
    }

    public String healthTimerName() {
        return serviceName + "-health.timer";
    }

    /** The units that {@code systemctl enable --now} starts. */
    public List<String> enabledUnits() {
        return List.of(daemonUnitName(), certCheckTimerName(), healthTimerName());
    }

    private String header() {
        return "# " + MARKER + " (service " + serviceName + "); `imelab uninstall` removes it.\n"
                + (build == null ? "" : "# imelab build " + build + "\n");
    }

    public String daemon(List<String> execStart) {
        String network = userScope ? "" : "Wants=network-online.target\nAfter=network-online.target\n";
        return header()
                + "[Unit]\n"
                + "Description=imelab, the Intune Management Extension emulator (" + serviceName + ")\n"
                + network
                + "\n[Service]\n"
                + "Type=simple\n"
                + "ExecStart=" + SystemdExec.join(execStart) + "\n"
                + "Restart=on-failure\n"
                + "RestartSec=10s\n"
                + "TimeoutStopSec=30s\n"
                + "\n[Install]\n"
                + "WantedBy=" + (userScope ? "default.target" : "multi-user.target") + "\n";
    }

    public String certCheckService(List<String> execStart) {
        return oneshot("imelab Client Cert Checker (" + serviceName + ")", execStart);
    }

    public String healthService(List<String> execStart) {
        return oneshot("imelab health evaluation (" + serviceName + ")", execStart);
    }

    private String oneshot(String description, List<String> execStart) {
        return header()
                + "[Unit]\n"
                + "Description=" + description + "\n"
                + "\n[Service]\n"
                + "Type=oneshot\n"
                + "ExecStart=" + SystemdExec.join(execStart) + "\n";
    }

    /** At start-up (a few minutes in, like the IME's boot trigger) and once a day. */
    public String certCheckTimer() {
        return header()
                + "[Unit]\n"
                + "Description=Run the imelab Client Cert Checker at start-up and daily (" + serviceName + ")\n"
                + "\n[Timer]\n"
                + (userScope ? "OnStartupSec=5min\n" : "OnBootSec=5min\n")
                + "OnCalendar=daily\n"
                + "Persistent=true\n"
                + "Unit=" + certCheckServiceName() + "\n"
                + "\n[Install]\n"
                + "WantedBy=timers.target\n";
    }

    /** Every hour, like the IME's Health Evaluation task. */
    public String healthTimer() {
        return header()
                + "[Unit]\n"
                + "Description=Run the imelab health evaluation every hour (" + serviceName + ")\n"
                + "\n[Timer]\n"
                + (userScope ? "OnStartupSec=15min\n" : "OnBootSec=15min\n")
                + "OnUnitActiveSec=1h\n"
                + "Unit=" + healthServiceName() + "\n"
                + "\n[Install]\n"
                + "WantedBy=timers.target\n";
    }

    /** The value of the first {@code key=} line in a unit's text. */
    public static String value(String unitText, String key) {
        for (String line : unitText.split("\n")) {
            if (line.startsWith(key + "=")) {
                return line.substring(key.length() + 1);
            }
        }
        throw new IllegalArgumentException("No " + key + "= in the unit");
    }
}
