package org.imelab.gateway.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.Security;
import javax.crypto.Cipher;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

/** The bulk primitives stay on the JDK's intrinsified providers even when Bouncy Castle is preferred. */
class ContentCryptoTest {
    @Test
    void theJdkProvidersAreUsedWhenBouncyCastleIsRegisteredFirst() {
        boolean added = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null
                && Security.insertProviderAt(new BouncyCastleProvider(), 1) > 0;
        try {
            assertEquals("SunJCE", ContentCrypto.aes(Cipher.DECRYPT_MODE, new byte[32], new byte[16]).getProvider().getName());
            assertEquals("SunJCE", ContentCrypto.hmac(new byte[32]).getProvider().getName());
            assertEquals("SUN", ContentCrypto.sha256().getProvider().getName());
        } finally {
            if (added) {
                Security.removeProvider(BouncyCastleProvider.PROVIDER_NAME);
            }
        }
    }
}
