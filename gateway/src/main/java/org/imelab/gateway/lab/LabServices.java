package org.imelab.gateway.lab;

import java.time.InstantSource;
import org.imelab.gateway.protocol.SideCarJson;

/** What the endpoints share; one per running gateway. */
record LabServices(LabConfig config, SideCarJson json, LabDefinitionSource definitions, LabDevices devices,
                   LabReports reports, SyncRequests sync, LabCertificateAuthority ca, LabContentStore content,
                   LabUrls urls) {

    InstantSource clock() {
        return config.clock();
    }
}
