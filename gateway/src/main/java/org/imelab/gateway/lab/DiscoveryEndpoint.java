package org.imelab.gateway.lab;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.List;
import org.imelab.gateway.protocol.ServiceAddresses;
import org.imelab.gateway.protocol.SideCarUrls;

/**
 * {@code GET /RestUserAuthLocationService/RestUserAuthLocationService/Certificate/ServiceAddresses}:
 * endpoint discovery, with the device certificate, as on {@code manage.microsoft.com} (C §3.1).
 */
final class DiscoveryEndpoint implements HttpHandler {
    private final LabServices lab;

    DiscoveryEndpoint(LabServices lab) {
        this.lab = lab;
    }

    @Override
    public void handle(HttpExchange raw) throws IOException {
        LabExchange ex = new LabExchange(raw);
        if (!"GET".equals(ex.method())) {
            ex.odataError(405, "MethodNotAllowed", "use GET");
            return;
        }
        if (!SideCarUrls.SERVICE_ADDRESSES_PATH.equals(raw.getRequestURI().getPath())) {
            ex.odataError(404, "ResourceNotFound", "no such resource: " + raw.getRequestURI().getPath());
            return;
        }
        if (LabAuth.device(ex, lab.devices()).isEmpty()) {
            LabAuth.refuse(ex);
            return;
        }
        ex.json(200, lab.json().write(List.of(new ServiceAddresses(true, List.of(
                new ServiceAddresses.Service(SideCarUrls.SIDECAR_SERVICE_NAME, lab.urls().sideCar()))))));
    }
}
