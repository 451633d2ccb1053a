package org.imelab.gateway.lab;

import java.util.Locale;

/**
 * Who an assignment (or a lab group member) names. In the lab file, SideCar-form apps and groups
 * write targets as strings: {@code allDevices}, {@code allUsers}, {@code group:<id>},
 * {@code device:<deviceId>}, {@code deviceName:<name>}, {@code user:<objectId>}; Graph-form
 * apps use Graph's assignment targets, which map onto the same cases.
 */
public sealed interface LabTarget {
    /** Every enrolled device (Graph {@code allDevicesAssignmentTarget}). */
    record AllDevices() implements LabTarget {
    }

    /** Every user (Graph {@code allLicensedUsersAssignmentTarget}). */
    record AllUsers() implements LabTarget {
    }

    /** The members of a group of the lab file. */
    record Group(String groupId) implements LabTarget {
    }

    /** One device by its Intune device id (known after enrollment). */
    record Device(String deviceId) implements LabTarget {
    }

    /** One device by the name it enrolled with, so a lab file can name devices before they exist. */
    record DeviceName(String deviceName) implements LabTarget {
    }

    /** One user by Entra object id. */
    record User(String objectId) implements LabTarget {
    }

    /** Whether this target addresses devices (as opposed to users). */
    default boolean isDeviceTarget() {
        return this instanceof AllDevices || this instanceof Device || this instanceof DeviceName;
    }

    static LabTarget parse(String text, String at) throws LabDefinitionException {
        if (text == null) {
            throw new LabDefinitionException(at, "a target must be a string");
        }
        int colon = text.indexOf(':');
        String kind = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1).strip();
        LabTarget t = switch (kind) {
            case "allDevices" -> colon < 0 ? new AllDevices() : null;
            case "allUsers" -> colon < 0 ? new AllUsers() : null;
            case "group" -> value.isEmpty() ? null : new Group(value.toLowerCase(Locale.ROOT));
            case "device" -> value.isEmpty() ? null : new Device(value.toLowerCase(Locale.ROOT));
            case "deviceName" -> value.isEmpty() ? null : new DeviceName(value);
            case "user" -> value.isEmpty() ? null : new User(value.toLowerCase(Locale.ROOT));
            default -> null;
        };
        if (t == null) {
            throw new LabDefinitionException(at, "\"" + text + "\" is not a target (allDevices, allUsers, group:<id>,"
                    + " device:<id>, deviceName:<name>, user:<objectId>)");
        }
        return t;
    }
}
