package org.imelab.agent.device;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/** The device name the agent reports: the host name as Windows shows a computer name. */
public final class DeviceNames {
    private DeviceNames() {
    }

    /** Upper case, at most 15 characters (a NetBIOS computer name), letters, digits and dashes. */
    public static String thisMachine() {
        String name;
        try {
            name = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            name = System.getenv().getOrDefault("COMPUTERNAME", "IMELAB-DEVICE");
        }
        return computerName(name);
    }

    static String computerName(String hostName) {
        String first = hostName.split("\\.")[0].toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9-]", "-");
        if (first.isEmpty()) {
            first = "IMELAB-DEVICE";
        }
        return first.length() > 15 ? first.substring(0, 15) : first;
    }
}
