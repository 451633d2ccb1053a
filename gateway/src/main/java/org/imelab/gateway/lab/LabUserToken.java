package org.imelab.gateway.lab;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.imelab.gateway.protocol.PayloadFormatException;
import org.imelab.gateway.protocol.SideCarJson;
import org.imelab.gateway.protocol.win32.Win32AppPolicyValidator;

/**
 * How a session says which user it is for. The real agent sends an Entra token for the
 * logged-on user ({@code Authorization: Bearer ...}, "SideCar WAM token", C §3.2); the lab has no
 * Entra, so it takes the same header with an unsigned JWT ({@code alg none}) whose {@code oid}
 * claim is the user's object id. The device itself is already authenticated by its client
 * certificate; the token only names the user. No header: a device (userless) session.
 */
public final class LabUserToken {
    private LabUserToken() {
    }

    /** The header value for a user: {@code Bearer <unsigned JWT with oid and tid>}. */
    public static String bearer(String userObjectId, String tenantId) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"oid\":\"" + userObjectId + "\",\"tid\":\"" + tenantId + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        return "Bearer " + header + "." + payload + ".";
    }

    /**
     * The user object id of an {@code Authorization} header value; empty when there is no header.
     *
     * @throws PayloadFormatException when a header is present but is not a lab user token
     */
    public static Optional<String> userId(String authorization, SideCarJson json) {
        if (authorization == null || authorization.isBlank()) {
            return Optional.empty();
        }
        if (!authorization.startsWith("Bearer ")) {
            throw new PayloadFormatException("Authorization must be a Bearer token");
        }
        String[] parts = authorization.substring(7).strip().split("\\.", -1);
        if (parts.length != 3) {
            throw new PayloadFormatException("the Bearer token is not a JWT (three dot-separated parts)");
        }
        String oid;
        try {
            oid = json.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))
                    .path("oid").asText(null);
        } catch (IllegalArgumentException e) {
            throw new PayloadFormatException("the Bearer token's payload is not Base64url");
        }
        if (!Win32AppPolicyValidator.isGuid(oid)) {
            throw new PayloadFormatException("the Bearer token has no GUID oid claim");
        }
        return Optional.of(oid.toLowerCase(java.util.Locale.ROOT));
    }
}
