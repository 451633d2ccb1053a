package org.imelab.certpicker.windows;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.BaseTSD;
import com.sun.jna.ptr.IntByReference;
import org.imelab.certpicker.CertificateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Does this certificate context have a private key this process can use? Modelled on the JDK's
 * SunMSCAPI ({@code security.cpp}, loadKeysOrCertificateChains): a cheap look at the key
 * properties, then a silent {@code CryptAcquireCertificatePrivateKey}, which also compares the
 * key with the certificate. The key itself is never read.
 */
final class PrivateKeyProbe {
    private static final Logger log = LoggerFactory.getLogger(PrivateKeyProbe.class);

    static final int CRYPT_E_NOT_FOUND = 0x80092004;
    static final int NTE_SILENT_CONTEXT = 0x80090022;
    static final int NTE_BAD_KEYSET = 0x80090016;
    static final int NTE_NO_KEY = 0x8009000D;
    static final int NTE_BAD_PUBLIC_KEY = 0x80090015;
    static final int CRYPT_E_NO_KEY_PROPERTY = 0x8009200B;
    static final int ERROR_ACCESS_DENIED = 5;
    static final int E_ACCESSDENIED = 0x80070005;

    /** @param provider the CSP/KSP name from CERT_KEY_PROV_INFO, "" when there is none */
    record Result(boolean usable, String provider) {
    }

    private PrivateKeyProbe() {
    }

    static Result probe(Pointer certContext, String thumbprint) {
        String provider = "";
        IntByReference size = new IntByReference(0);
        if (Crypt32Ext.INSTANCE.CertGetCertificateContextProperty(certContext,
                Crypt32Ext.CERT_KEY_PROV_INFO_PROP_ID, null, size)) {
            provider = providerName(certContext, size.getValue());
        } else {
            int err = Native.getLastError();
            if (err != CRYPT_E_NOT_FOUND) {
                throw new CertificateStoreException("CertGetCertificateContextProperty(CERT_KEY_PROV_INFO_PROP_ID) for "
                        + thumbprint, err, null);
            }
            IntByReference handleSize = new IntByReference(0);
            if (!Crypt32Ext.INSTANCE.CertGetCertificateContextProperty(certContext,
                    Crypt32Ext.CERT_NCRYPT_KEY_HANDLE_PROP_ID, null, handleSize)) {
                int err2 = Native.getLastError();
                if (err2 != CRYPT_E_NOT_FOUND) {
                    throw new CertificateStoreException("CertGetCertificateContextProperty(CERT_NCRYPT_KEY_HANDLE_PROP_ID) for "
                            + thumbprint, err2, null);
                }
                return new Result(false, ""); // no key of any kind is associated
            }
        }
        return acquire(certContext, thumbprint, provider);
    }

    private static Result acquire(Pointer certContext, String thumbprint, String provider) {
        BaseTSD.ULONG_PTRByReference handle = new BaseTSD.ULONG_PTRByReference();
        IntByReference keySpec = new IntByReference(0);
        IntByReference callerFree = new IntByReference(0);
        int flags = Crypt32Ext.CRYPT_ACQUIRE_SILENT_FLAG | Crypt32Ext.CRYPT_ACQUIRE_ALLOW_NCRYPT_KEY_FLAG
                | Crypt32Ext.CRYPT_ACQUIRE_COMPARE_KEY_FLAG;
        if (Crypt32Ext.INSTANCE.CryptAcquireCertificatePrivateKey(certContext, flags, null, handle, keySpec, callerFree)) {
            if (callerFree.getValue() != 0) {
                release(handle.getValue(), keySpec.getValue(), thumbprint);
            }
            return new Result(true, provider);
        }
        int err = Native.getLastError();
        switch (err) {
            case NTE_SILENT_CONTEXT:
                return new Result(true, provider); // the key is there; only a PIN prompt was refused
            case NTE_BAD_KEYSET, NTE_NO_KEY, CRYPT_E_NO_KEY_PROPERTY, NTE_BAD_PUBLIC_KEY:
                return new Result(false, provider);
            case ERROR_ACCESS_DENIED, E_ACCESSDENIED:
                log.debug("Private key of {} is not accessible to this account", thumbprint);
                return new Result(false, provider);
            default:
                log.warn("CryptAcquireCertificatePrivateKey for {} failed with 0x{}; treating the key as unusable",
                        thumbprint, Integer.toHexString(err));
                return new Result(false, provider);
        }
    }

    private static void release(BaseTSD.ULONG_PTR handle, int keySpec, String thumbprint) {
        if (keySpec == Crypt32Ext.CERT_NCRYPT_KEY_SPEC) {
            int status = NCrypt.INSTANCE.NCryptFreeObject(handle);
            if (status != 0) {
                throw new CertificateStoreException("NCryptFreeObject for the key of " + thumbprint, status, null);
            }
        } else if (!Advapi32Crypt.INSTANCE.CryptReleaseContext(handle, 0)) {
            throw new CertificateStoreException("CryptReleaseContext for the key of " + thumbprint,
                    Native.getLastError(), null);
        }
    }

    /** CRYPT_KEY_PROV_INFO starts with LPWSTR pwszContainerName, LPWSTR pwszProvName. */
    private static String providerName(Pointer certContext, int size) {
        if (size < 2 * Native.POINTER_SIZE) {
            return "";
        }
        Memory buffer = new Memory(size);
        IntByReference cb = new IntByReference(size);
        if (!Crypt32Ext.INSTANCE.CertGetCertificateContextProperty(certContext,
                Crypt32Ext.CERT_KEY_PROV_INFO_PROP_ID, buffer, cb)) {
            throw new CertificateStoreException("CertGetCertificateContextProperty(CERT_KEY_PROV_INFO_PROP_ID)",
                    Native.getLastError(), null);
        }
        Pointer name = buffer.getPointer(Native.POINTER_SIZE);
        return name == null ? "" : name.getWideString(0);
    }
}
