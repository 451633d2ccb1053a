package org.imelab.install;

import java.util.Optional;

/** Where the install manifest is kept between install and uninstall. */
public interface ManifestStore {

    Optional<InstallManifest> read();

    /** Replaces the manifest; durable when this returns. */
    void write(InstallManifest manifest);

    /** Removes the manifest and whatever the store created to hold it. */
    void delete();

    /** Where it lives, for messages. */
    String location();
}
