package org.imelab.registry.regfile;

import org.imelab.registry.RegistryException;

/**
 * A .reg file that cannot be read: names the file and the line where the problem starts, so
 * the author can fix it. Nothing of such a file is applied.
 */
public final class RegFileException extends RegistryException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;

    public RegFileException(String source, int line, String problem) {
        super(source + ", line " + line + ": " + problem);
        this.source = source;
        this.line = line;
    }

    /** The file name (or other label) the text came from. */
    public String source() {
        return source;
    }

    /** The 1-based line number where the problem starts (the header is line 1). */
    public int line() {
        return line;
    }
}
