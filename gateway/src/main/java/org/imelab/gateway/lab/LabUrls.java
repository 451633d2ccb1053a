package org.imelab.gateway.lab;

import org.imelab.gateway.protocol.SideCarUrls;

/** The lab's public URLs, from the address it listens on. */
record LabUrls(String base) {
    static final String SIDECAR_PATH = "/" + SideCarUrls.SIDECAR_SERVICE_NAME;

    String sideCar() {
        return base + SIDECAR_PATH;
    }

    String content(String appKey, String contentId) {
        return base + ContentEndpoint.PREFIX + appKey + "/" + contentId + ".intunewin.bin";
    }
}
