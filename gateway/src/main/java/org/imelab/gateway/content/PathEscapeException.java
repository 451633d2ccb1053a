package org.imelab.gateway.content;

/** A zip entry would land outside the folder it is unpacked into ({@code ..}, absolute path, link). */
public final class PathEscapeException extends ContentException {
    private final String entryName;

    public PathEscapeException(String entryName, String message) {
        super(Reason.PATH_ESCAPE, message, null);
        this.entryName = entryName;
    }

    /** The offending entry name as stored in the zip. */
    public String entryName() {
        return entryName;
    }
}
