package org.imelab.registry.ime;

import java.util.Optional;

/** {@code TargetingMethod}: assigned directly, or installed as another app's dependency. */
public enum TargetingMethod implements ImeCode {
    EgatTargetedApplication(0),
    DependencyOfEgatTargetedApplication(1);

    private final int code;

    TargetingMethod(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    public static Optional<TargetingMethod> ofCode(int code) {
        return ImeCode.find(TargetingMethod.class, code);
    }
}
