package org.imelab.gateway.protocol;

import java.util.UUID;

/** The URLs of the SideCar protocol (ime-behaviour.md C §3.1, §3.2); one place spells them. */
public final class SideCarUrls {
    /** The only API version the real agent is seen using. */
    public static final String API_VERSION = "1.5";
    /** The discovered service the agent talks to. */
    public static final String SIDECAR_SERVICE_NAME = "SideCarGatewayService";
    /** Endpoint discovery, relative to the management root ({@code https://manage.microsoft.com}). */
    public static final String SERVICE_ADDRESSES_PATH =
            "/RestUserAuthLocationService/RestUserAuthLocationService/Certificate/ServiceAddresses";

    private SideCarUrls() {
    }

    /** {@code {sideCarUrl}/SideCarGatewaySessions('{id}')?api-version=1.5}. */
    public static String session(String sideCarUrl, UUID sessionId) {
        return stripSlash(sideCarUrl) + "/SideCarGatewaySessions('" + sessionId + "')?api-version=" + API_VERSION;
    }

    /** The discovery URL under a management root. */
    public static String serviceAddresses(String managementRoot) {
        return stripSlash(managementRoot) + SERVICE_ADDRESSES_PATH;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
