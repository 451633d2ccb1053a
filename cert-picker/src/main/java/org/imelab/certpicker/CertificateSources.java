package org.imelab.certpicker;

import java.nio.file.Path;
import java.util.Locale;
import org.imelab.certpicker.portable.PortableCertificateSource;
import org.imelab.certpicker.windows.Crypt32CertificateSource;

/** Chooses the certificate stores once, at startup: Crypt32 on Windows, the portable folder elsewhere. */
public final class CertificateSources {
    private CertificateSources() {
    }

    public enum Kind { WINDOWS, PORTABLE }

    public static Kind defaultKind(String osName) {
        return osName.toLowerCase(Locale.ROOT).startsWith("windows") ? Kind.WINDOWS : Kind.PORTABLE;
    }

    /**
     * @throws IllegalArgumentException for the Windows stores on another OS (crypt32.dll is not there)
     */
    public static CertificateSource open(Kind kind, Path portableStore) {
        if (kind == Kind.WINDOWS && defaultKind(System.getProperty("os.name", "")) != Kind.WINDOWS) {
            throw new IllegalArgumentException("The Windows certificate stores exist only on Windows; "
                    + "use the portable store here");
        }
        return switch (kind) {
            case WINDOWS -> new Crypt32CertificateSource();
            case PORTABLE -> new PortableCertificateSource(portableStore);
        };
    }

    /** The embedded default for this machine. */
    public static CertificateSource forThisMachine(Path portableStore) {
        return open(defaultKind(System.getProperty("os.name", "")), portableStore);
    }
}
