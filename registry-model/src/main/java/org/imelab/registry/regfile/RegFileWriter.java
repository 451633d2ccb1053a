package org.imelab.registry.regfile;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.List;
import org.imelab.registry.RegOp;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;

/**
 * Writes a .reg file section by section, in the layout regedit exports: the header line, then
 * for each key a blank line, {@code [key]} and its value lines, and a final blank line.
 * {@link #utf16(OutputStream)} gives the Unicode file regedit writes (UTF-16LE with a BOM).
 */
public final class RegFileWriter implements Closeable {
    private final Writer out;
    private RegPath section;
    private boolean finished;

    /** Writes the header to {@code out}; the caller chooses the encoding. */
    public RegFileWriter(Writer out) throws IOException {
        this.out = out;
        out.write(RegFileFormat.HEADER_V5);
        out.write(RegFileFormat.CRLF);
    }

    /** A writer of UTF-16LE with a byte order mark, as regedit writes. */
    public static RegFileWriter utf16(OutputStream out) throws IOException {
        Utf16Le.Out w = new Utf16Le.Out(out);
        w.write('\uFEFF');
        return new RegFileWriter(w);
    }

    /** Starts the section of a key: importing it creates the key. */
    public void key(RegPath key) throws IOException {
        out.write(RegFileFormat.CRLF);
        out.write('[');
        out.write(key.toString());
        out.write(']');
        out.write(RegFileFormat.CRLF);
        section = key;
    }

    /** {@code [-key]}: importing it deletes the key and everything below it. */
    public void deletedKey(RegPath key) throws IOException {
        out.write(RegFileFormat.CRLF);
        out.write("[-");
        out.write(key.toString());
        out.write(']');
        out.write(RegFileFormat.CRLF);
        section = null;
    }

    /** A value of the current key; the default value is named "". */
    public void value(String name, RegValue value) throws IOException {
        requireSection();
        out.write(RegFileFormat.valueLine(name, value));
        out.write(RegFileFormat.CRLF);
    }

    /** {@code "name"=-}: importing it deletes the value from the current key. */
    public void deletedValue(String name) throws IOException {
        requireSection();
        out.write(RegFileFormat.deletedValueLine(name));
        out.write(RegFileFormat.CRLF);
    }

    /**
     * Writes a batch of changes so that importing the file makes the same changes. Consecutive
     * changes of one key share its section; a {@link RegOp.CreateKey} is a section of its own.
     */
    public void ops(List<RegOp> ops) throws IOException {
        for (RegOp op : ops) {
            switch (op) {
                case RegOp.CreateKey c -> key(c.key());
                case RegOp.Put p -> {
                    enter(p.key());
                    value(p.name(), p.value());
                }
                case RegOp.DeleteValue d -> {
                    enter(d.key());
                    deletedValue(d.name());
                }
                case RegOp.DeleteTree t -> deletedKey(t.key());
            }
        }
    }

    private void enter(RegPath key) throws IOException {
        if (section == null || !section.equals(key)) {
            key(key);
        }
    }

    private void requireSection() {
        if (section == null) {
            throw new IllegalStateException("A value needs a key section first");
        }
    }

    /** Writes the final blank line and flushes, leaving the underlying stream open. */
    public void finish() throws IOException {
        if (!finished) {
            finished = true;
            out.write(RegFileFormat.CRLF);
        }
        out.flush();
    }

    /** Finishes the file and closes the underlying stream. */
    @Override
    public void close() throws IOException {
        finish();
        out.close();
    }
}
