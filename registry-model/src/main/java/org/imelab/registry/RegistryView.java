package org.imelab.registry;

/**
 * Which registry view a path addresses. The IME's keys live in the 64-bit view (admin scripts read
 * them from 64-bit PowerShell), so that is the default; the 32-bit view is what a 32-bit process
 * sees, redirected under {@code WOW6432Node} for {@code HKLM\SOFTWARE}.
 */
public enum RegistryView {
    /** KEY_WOW64_64KEY. */
    VIEW_64,
    /** KEY_WOW64_32KEY. */
    VIEW_32
}
