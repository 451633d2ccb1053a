package org.imelab.certpicker.windows;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.BaseTSD;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;

/**
 * The crypt32.dll functions jna-platform does not map (checked against jna-platform 5.17's
 * {@code Crypt32}). Constants from wincrypt.h / winerror.h. Loaded on first use, which happens on
 * Windows only.
 */
interface Crypt32Ext extends StdCallLibrary {
    Crypt32Ext INSTANCE = Native.load("crypt32", Crypt32Ext.class, W32APIOptions.DEFAULT_OPTIONS);

    int CERT_KEY_PROV_INFO_PROP_ID = 2;
    int CERT_NCRYPT_KEY_HANDLE_PROP_ID = 78;

    int CRYPT_ACQUIRE_COMPARE_KEY_FLAG = 0x00000004;
    int CRYPT_ACQUIRE_SILENT_FLAG = 0x00000040;
    int CRYPT_ACQUIRE_ALLOW_NCRYPT_KEY_FLAG = 0x00010000;
    /** The key spec CryptAcquireCertificatePrivateKey returns for a CNG key. */
    int CERT_NCRYPT_KEY_SPEC = 0xFFFFFFFF;

    /** BOOL CertGetCertificateContextProperty(PCCERT_CONTEXT, DWORD, void*, DWORD*). */
    boolean CertGetCertificateContextProperty(Pointer pCertContext, int dwPropId, Pointer pvData,
                                              IntByReference pcbData);

    /**
     * BOOL CryptAcquireCertificatePrivateKey(PCCERT_CONTEXT, DWORD, void*,
     * HCRYPTPROV_OR_NCRYPT_KEY_HANDLE*, DWORD*, BOOL*).
     */
    boolean CryptAcquireCertificatePrivateKey(Pointer pCert, int dwFlags, Pointer pvParameters,
                                              BaseTSD.ULONG_PTRByReference phCryptProvOrNCryptKey,
                                              IntByReference pdwKeySpec,
                                              IntByReference pfCallerFreeProvOrNCryptKey);
}
