package org.imelab.certpicker;

/**
 * The two certificate stores the IME searches: {@code LocalMachine\My} and {@code CurrentUser\My}.
 * The names are .NET's {@code StoreLocation} names, which is what CertMetadata stores.
 */
public enum StoreLocation {
    LOCAL_MACHINE("LocalMachine"),
    CURRENT_USER("CurrentUser");

    /** The personal store's name inside each location. */
    public static final String MY = "My";

    private final String dotNetName;

    StoreLocation(String dotNetName) {
        this.dotNetName = dotNetName;
    }

    /** {@code LocalMachine} or {@code CurrentUser}. */
    public String dotNetName() {
        return dotNetName;
    }

    /** {@code LocalMachine\My}, as the IME's logs and certlm.msc name the store. */
    public String storeName() {
        return dotNetName + "\\" + MY;
    }

    /** Accepts the .NET names in any case, and the enum names. */
    public static StoreLocation parse(String text) {
        String t = text.trim();
        for (StoreLocation l : values()) {
            if (l.dotNetName.equalsIgnoreCase(t) || l.name().equalsIgnoreCase(t)) {
                return l;
            }
        }
        throw new IllegalArgumentException("Unknown store location '" + text
                + "' (expected LocalMachine or CurrentUser)");
    }

    @Override
    public String toString() {
        return dotNetName;
    }
}
