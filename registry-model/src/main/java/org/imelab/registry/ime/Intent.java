package org.imelab.registry.ime;

import java.util.Optional;

/** A Win32 app policy's {@code Intent}. */
public enum Intent implements ImeCode {
    /** Not targeted itself: a dependency or a superseded app. */
    NotTargeted(0),
    AvailableInstall(1),
    RequiredInstall(3),
    RequiredUninstall(4);

    private final int code;

    Intent(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    public static Optional<Intent> ofCode(int code) {
        return ImeCode.find(Intent.class, code);
    }
}
