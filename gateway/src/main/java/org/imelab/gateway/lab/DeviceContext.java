package org.imelab.gateway.lab;

/**
 * Who is asking: the device (from its client certificate), the user of the session (null for a
 * device, "userless", check-in) and whether the device runs Windows (picks the app's Windows or
 * non-Windows form).
 */
public record DeviceContext(String deviceId, String deviceName, String userId, boolean windows) {
}
