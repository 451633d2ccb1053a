package org.imelab.registry.regfile;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.imelab.registry.RegOp;
import org.imelab.registry.RegistryView;

/**
 * Reads .reg files into the changes they describe: what regedit writes (Unicode, version 5),
 * REGEDIT4 files (ANSI or UTF-8), and what Wine's regedit and reg.exe export. The whole text is
 * checked: a malformed line raises a {@link RegFileException} naming its line, so callers can
 * read everything first and apply nothing when any of it is wrong.
 *
 * <p>{@code [key]} gives a {@link RegOp.CreateKey}, {@code [-key]} a {@link RegOp.DeleteTree},
 * a value line a {@link RegOp.Put} and {@code "name"=-} a {@link RegOp.DeleteValue}, in file
 * order. As in regedit, value lines below a {@code [-key]} are ignored.
 */
public final class RegFileReader {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private RegFileReader() {
    }

    /** Reads a file into 64-bit view paths. */
    public static List<RegOp> read(Path file) throws IOException {
        return read(file, RegistryView.VIEW_64);
    }

    public static List<RegOp> read(Path file, RegistryView view) throws IOException {
        byte[] bytes;
        try (InputStream in = new FileInputStream(file.toFile())) { // not a channel: not closed by interrupts
            bytes = in.readAllBytes();
        }
        return read(bytes, file.toString(), view);
    }

    /** Reads the bytes of a file; {@code source} names it in error messages. */
    public static List<RegOp> read(byte[] bytes, String source, RegistryView view) {
        List<RegOp> ops = new ArrayList<>();
        read(bytes, source, view, ops::add);
        return ops;
    }

    /** Streams the changes to {@code sink} as they are read; stops at the first malformed line. */
    public static void read(byte[] bytes, String source, RegistryView view, Consumer<? super RegOp> sink) {
        Charset narrow = StandardCharsets.UTF_8;
        String text;
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
            text = Utf16Le.decode(bytes, 2, bytes.length);
        } else if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
            text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        } else if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf) {
            text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        } else if (bytes.length >= 2 && bytes[0] != 0 && bytes[1] == 0) {
            text = Utf16Le.decode(bytes, 0, bytes.length); // UTF-16LE without a BOM
        } else {
            try {
                text = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                narrow = WINDOWS_1252; // an old ANSI export
                text = new String(bytes, WINDOWS_1252);
            }
        }
        new RegFileParser(text, source, view, narrow, sink).parse();
    }

    /** Reads text that is already decoded (the header line included). */
    public static List<RegOp> parse(String text, String source, RegistryView view) {
        List<RegOp> ops = new ArrayList<>();
        new RegFileParser(text, source, view, StandardCharsets.UTF_8, ops::add).parse();
        return ops;
    }
}
