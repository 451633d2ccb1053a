package org.imelab.certpicker.check;

/** The six steps of the Client Cert Checker (ime-behaviour.md Part B). */
public enum CheckStep {
    INITIATION(1, "Initiation"),
    SEARCH(2, "Search"),
    TENANT_FLIGHTING(3, "Tenant flighting"),
    VALIDATION(4, "Validation"),
    STORAGE(5, "Storage"),
    USE(6, "Use");

    private final int number;
    private final String title;

    CheckStep(int number, String title) {
        this.number = number;
        this.title = title;
    }

    public int number() {
        return number;
    }

    public String title() {
        return title;
    }
}
