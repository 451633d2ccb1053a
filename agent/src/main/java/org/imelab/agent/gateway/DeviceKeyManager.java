package org.imelab.agent.gateway;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The client side of mutual TLS as the device certificate stands now: each handshake asks
 * GetDeviceCertificate (cert-picker's {@code DeviceCertificateProvider}, cached for a day) for
 * the key manager, so a renewed or re-enrolled certificate is used without rebuilding the HTTP
 * client. With no certificate, nothing is presented and the gateway's refusal is logged as such.
 */
public final class DeviceKeyManager extends X509ExtendedKeyManager {
    private final Supplier<Optional<X509ExtendedKeyManager>> current;

    public DeviceKeyManager(Supplier<Optional<X509ExtendedKeyManager>> current) {
        this.current = current;
    }

    private Optional<X509ExtendedKeyManager> km() {
        return current.get();
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return km().map(k -> k.chooseClientAlias(keyTypes, issuers, socket)).orElse(null);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return km().map(k -> k.chooseEngineClientAlias(keyTypes, issuers, engine)).orElse(null);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return km().map(k -> k.getClientAliases(keyType, issuers)).orElse(null);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return km().map(k -> k.getCertificateChain(alias)).orElse(null);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return km().map(k -> k.getPrivateKey(alias)).orElse(null);
    }

    /** A client never serves. */
    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
