package org.imelab.certpicker.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Locale;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * A client key manager that always offers one certificate: the one the Client Cert Checker picked.
 * It ignores the server's list of acceptable issuers on purpose, as the IME presents its MDM
 * certificate whatever the server asks; it only refuses a key type the certificate does not have.
 */
final class FixedKeyManager extends X509ExtendedKeyManager {
    private final String alias;
    private final PrivateKey key;
    private final X509Certificate[] chain;

    FixedKeyManager(String alias, PrivateKey key, X509Certificate[] chain) {
        this.alias = alias;
        this.key = key;
        this.chain = chain.clone();
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return choose(keyTypes);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return choose(keyTypes);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return fits(keyType) ? new String[] {alias} : null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String a) {
        return alias.equals(a) ? chain.clone() : null;
    }

    @Override
    public PrivateKey getPrivateKey(String a) {
        return alias.equals(a) ? key : null;
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

    private String choose(String[] keyTypes) {
        if (keyTypes == null) {
            return null;
        }
        for (String t : keyTypes) {
            if (fits(t)) {
                return alias;
            }
        }
        return null;
    }

    /** JSSE asks for "RSA", "RSASSA-PSS", "EC", or TLS 1.2 forms such as "EC_EC". */
    private boolean fits(String keyType) {
        if (keyType == null) {
            return false;
        }
        String certAlg = chain[0].getPublicKey().getAlgorithm().toUpperCase(Locale.ROOT);
        String wanted = keyType.toUpperCase(Locale.ROOT);
        int underscore = wanted.indexOf('_');
        if (underscore > 0) {
            wanted = wanted.substring(0, underscore);
        }
        return wanted.equals(certAlg) || ("RSASSA-PSS".equals(wanted) && "RSA".equals(certAlg));
    }
}
