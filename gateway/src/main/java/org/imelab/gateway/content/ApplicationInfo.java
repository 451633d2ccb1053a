package org.imelab.gateway.content;

import java.util.Objects;
import java.util.Optional;

/**
 * Detection.xml: what a package says about itself (C §4.2).
 *
 * @param toolVersion            the packer's version attribute (IntuneWinAppUtil writes 1.8.x.0)
 * @param name                   display name (the MSI product name, else the setup file name)
 * @param description            optional; IntuneWinAppUtil leaves it out
 * @param unencryptedContentSize byte size of the inner zip before encryption
 * @param fileName               the encrypted file's name under {@code Contents/}, as written; third-party
 *                               packers sometimes put an absolute path here, see {@link #contentFileName()}
 * @param setupFile              the setup file, relative to the zip root
 * @param encryptionInfo         keys and checksums
 * @param msiInfo                present when the setup file is an MSI
 */
public record ApplicationInfo(String toolVersion, String name, String description, long unencryptedContentSize,
                              String fileName, String setupFile, EncryptionInfo encryptionInfo,
                              Optional<MsiInfo> msiInfo) {

    public ApplicationInfo {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(setupFile, "setupFile");
        Objects.requireNonNull(encryptionInfo, "encryptionInfo");
        Objects.requireNonNull(msiInfo, "msiInfo");
    }

    /**
     * The plain file name of the encrypted content: the last segment of {@link #fileName()}, because
     * a packer that writes {@code C:\Users\...\Temp\x.intunewin} still stores the file under
     * {@code Contents/} by its name alone.
     */
    public String contentFileName() {
        String s = fileName.strip();
        int cut = Math.max(s.lastIndexOf('\\'), s.lastIndexOf('/'));
        return s.substring(cut + 1);
    }

    /** True when {@link #fileName()} is a path rather than a plain name (a third-party packer's quirk). */
    public boolean fileNameIsPath() {
        return !contentFileName().equals(fileName.strip());
    }
}
