package org.imelab.logs.cmtrace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CMTrace files: single- and multi-line records, a BOM (at the start of the file or of any
 * line, as concatenated files have), LF or CRLF, the IME's time format and ConfigMgr's (see
 * {@link CmTraceRecord}). UTF-8 by default; a file starting with a UTF-16LE BOM is read as
 * UTF-16LE. Malformed bytes become U+FFFD rather than failing the file.
 *
 * <p>Round trip with {@link CmTraceEncoder}: the reader returns the message the encoder was
 * given, with these documented exceptions: line breaks come back as {@code \n} (the encoder
 * writes every {@code \r\n}, {@code \r} and {@code \n} as CRLF); a message line that begins with
 * {@code <![LOG[} starts a new record; a message line before the last that ends with a complete
 * {@code ]LOG]!><time="..." ...>} tail ends the record there. {@code ]LOG]!>} anywhere else in a
 * message is read back unchanged.
 */
public final class CmTraceReader {

    /** A line that belongs to no complete record. */
    public record StrayLine(Path source, int lineNumber, String text) {
    }

    /** Everything read from one file. */
    public record Result(List<CmTraceRecord> records, List<StrayLine> stray) {
    }

    private CmTraceReader() {
    }

    /** Reads a whole file. */
    public static Result read(Path file) throws IOException {
        return parse(Files.readAllBytes(file), file);
    }

    /** The records of a whole file. */
    public static List<CmTraceRecord> records(Path file) throws IOException {
        return read(file).records();
    }

    /** Parses text already in memory ({@code source} may be null). */
    public static Result parse(String text, Path source) {
        return parse(text.getBytes(StandardCharsets.UTF_8), source);
    }

    /** Parses the bytes of a whole file. */
    public static Result parse(byte[] data, Path source) {
        List<CmTraceRecord> records = new ArrayList<>();
        List<StrayLine> stray = new ArrayList<>();
        CmTraceParser parser = new CmTraceParser(source, new CmTraceParser.Sink() {
            @Override
            public void record(CmTraceRecord record) {
                records.add(record);
            }

            @Override
            public void stray(int lineNumber, String line) {
                stray.add(new StrayLine(source, lineNumber, line));
            }
        });
        if (data.length >= 2 && (data[0] & 0xff) == 0xff && (data[1] & 0xff) == 0xfe) {
            String text = new String(data, 2, data.length - 2, StandardCharsets.UTF_16LE);
            String[] lines = text.split("\n", -1);
            int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
            for (int i = 0; i < count; i++) {
                parser.line(stripCr(lines[i]), i + 1);
            }
        } else {
            LineSplitter splitter = new LineSplitter(parser::line);
            splitter.feed(data, 0, data.length);
            splitter.finish();
        }
        parser.finish();
        return new Result(List.copyOf(records), List.copyOf(stray));
    }

    static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** Cuts UTF-8 bytes into lines at LF (never inside a multi-byte sequence), dropping a CR before it. */
    static final class LineSplitter {
        interface LineSink {
            void line(String line, int lineNumber);
        }

        private final LineSink sink;
        private byte[] carry = new byte[0];
        private int lineNumber;

        LineSplitter(LineSink sink) {
            this.sink = sink;
        }

        /** Feeds bytes; complete lines go to the sink, a partial last line waits for more. */
        void feed(byte[] data, int off, int len) {
            int start = off;
            int end = off + len;
            for (int i = off; i < end; i++) {
                if (data[i] == '\n') {
                    emit(data, start, i);
                    start = i + 1;
                }
            }
            if (start < end) {
                byte[] more = new byte[carry.length + end - start];
                System.arraycopy(carry, 0, more, 0, carry.length);
                System.arraycopy(data, start, more, carry.length, end - start);
                carry = more;
            }
        }

        /** End of input: a last line without LF is a line too. */
        void finish() {
            if (carry.length > 0) {
                byte[] rest = carry;
                carry = new byte[0];
                lineNumber++;
                sink.line(decode(rest, 0, rest.length), lineNumber);
            }
        }

        /** Bytes of an unfinished last line, waiting for its LF. */
        int pendingBytes() {
            return carry.length;
        }

        int lineNumber() {
            return lineNumber;
        }

        private void emit(byte[] data, int from, int to) {
            String line;
            if (carry.length > 0) {
                byte[] joined = new byte[carry.length + to - from];
                System.arraycopy(carry, 0, joined, 0, carry.length);
                System.arraycopy(data, from, joined, carry.length, to - from);
                carry = new byte[0];
                line = decode(joined, 0, joined.length);
            } else {
                line = decode(data, from, to - from);
            }
            lineNumber++;
            sink.line(line, lineNumber);
        }

        private static String decode(byte[] b, int off, int len) {
            if (len > 0 && b[off + len - 1] == '\r') {
                len--;
            }
            return new String(b, off, len, StandardCharsets.UTF_8);
        }
    }
}
