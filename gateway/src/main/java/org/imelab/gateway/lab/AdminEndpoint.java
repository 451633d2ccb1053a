package org.imelab.gateway.lab;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Optional;

/**
 * The admin side of the lab (the admin center's stand-in), on loopback and without a client
 * certificate: {@code GET /lab/devices} (every device with its last check-in, per-app states
 * from its reports and Discovered Apps from its inventories), {@code GET /lab/devices/{id}} (the same for one device, with its scripts,
 * inventory and report history), {@code POST /lab/devices/{id}/sync} ("Sync": asks the device to
 * check in now) and {@code GET /lab/status}.
 */
final class AdminEndpoint implements HttpHandler {
    private final LabServices lab;

    AdminEndpoint(LabServices lab) {
        this.lab = lab;
    }

    @Override
    public void handle(HttpExchange raw) throws IOException {
        LabExchange ex = new LabExchange(raw);
        String path = raw.getRequestURI().getPath();
        String[] parts = path.replaceAll("/+$", "").split("/");
        // "", "lab", "devices", {id}, "sync"
        if (parts.length == 3 && parts[2].equals("status")) {
            get(ex, () -> status().toString());
        } else if (parts.length == 3 && parts[2].equals("devices")) {
            get(ex, () -> {
                ArrayNode all = lab.json().mapper().createArrayNode();
                lab.devices().all().forEach(d -> all.add(view(d, false)));
                return all.toString();
            });
        } else if (parts.length == 4 && parts[2].equals("devices")) {
            Optional<LabDevice> d = lab.devices().find(parts[3]);
            if (d.isEmpty()) {
                ex.odataError(404, "ResourceNotFound", "no enrolled device " + parts[3]);
                return;
            }
            get(ex, () -> view(d.get(), true).toString());
        } else if (parts.length == 5 && parts[2].equals("devices") && parts[4].equals("sync")) {
            if (!"POST".equals(ex.method())) {
                ex.odataError(405, "MethodNotAllowed", "request a sync with POST");
                return;
            }
            Optional<LabDevice> d = lab.devices().find(parts[3]);
            if (d.isEmpty()) {
                ex.odataError(404, "ResourceNotFound", "no enrolled device " + parts[3]);
                return;
            }
            String id = lab.sync().request(d.get().deviceId());
            ex.json(202, "{\"NotificationID\":\"" + id + "\"}");
        } else {
            ex.odataError(404, "ResourceNotFound", "no such resource: " + path);
        }
    }

    private interface Body {
        String get();
    }

    private static void get(LabExchange ex, Body body) throws IOException {
        if (!"GET".equals(ex.method())) {
            ex.odataError(405, "MethodNotAllowed", "use GET");
            return;
        }
        ex.json(200, body.get());
    }

    private ObjectNode view(LabDevice d, boolean detail) {
        ObjectNode n = lab.json().mapper().createObjectNode();
        n.put("DeviceId", d.deviceId());
        n.put("DeviceName", d.deviceName());
        n.put("Platform", d.platform());
        n.put("CertificateThumbprint", d.thumbprint());
        n.put("CertificateNotAfter", d.certificate().getNotAfter().toInstant().toString());
        n.put("EnrolledAt", d.enrolledAt().toString());
        lab.devices().lastCheckin(d.deviceId()).ifPresentOrElse(c -> {
            ObjectNode last = n.putObject("LastCheckin");
            last.put("Time", c.time().toString());
            last.put("RequestContentType", c.requestContentType());
            last.put("CheckinReason", c.checkinReason());
            last.put("UserId", c.userId());
            last.put("OperatingSystemVersion", c.operatingSystemVersion());
            last.put("SideCarAgentVersion", c.agentVersion());
        }, () -> n.putNull("LastCheckin"));
        n.put("ListeningForSync", lab.sync().listening(d.deviceId()));
        n.put("SyncPending", lab.sync().pending(d.deviceId()));
        ObjectNode reports = lab.reports().view(d.deviceId());
        n.set("Apps", reports.get("Apps"));
        n.set("DiscoveredApps", reports.get("DiscoveredApps"));
        if (detail) {
            n.set("Scripts", reports.get("Scripts"));
            n.set("Inventory", reports.get("Inventory"));
            n.set("History", reports.get("History"));
        }
        return n;
    }

    private ObjectNode status() {
        ObjectNode n = lab.json().mapper().createObjectNode();
        LabDefinition def = lab.definitions().current();
        n.put("LabName", def.name());
        n.put("LabFile", lab.definitions().file().toString());
        n.put("LoadedAt", lab.definitions().loadedAt().toString());
        n.put("Reloads", lab.definitions().reloads());
        n.put("LastError", lab.definitions().lastError().orElse(null));
        n.put("Apps", def.apps().size());
        n.put("Devices", lab.devices().all().size());
        n.put("ManagementUrl", lab.urls().base());
        n.put("SideCarUrl", lab.urls().sideCar());
        n.put("AccountId", def.accountId().toString());
        n.put("TenantId", def.tenantId().toString());
        return n;
    }
}
