package org.imelab.registry.ime;

import java.util.Optional;

/** {@code InstallContext}: the account an app installs as. */
public enum InstallContext implements ImeCode {
    User(1),
    System(2);

    private final int code;

    InstallContext(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    public static Optional<InstallContext> ofCode(int code) {
        return ImeCode.find(InstallContext.class, code);
    }
}
