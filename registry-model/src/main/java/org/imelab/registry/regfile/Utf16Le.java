package org.imelab.registry.regfile;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * UTF-16LE exactly as Windows stores it: code unit by code unit, without the replacement a
 * charset coder makes for unpaired surrogates, so any Java string survives a round trip.
 */
final class Utf16Le {
    private Utf16Le() {
    }

    /** Decodes bytes [from, to); an odd last byte is ignored. */
    static String decode(byte[] bytes, int from, int to) {
        int n = (to - from) / 2;
        char[] chars = new char[n];
        for (int i = 0, p = from; i < n; i++, p += 2) {
            chars[i] = (char) ((bytes[p] & 0xff) | (bytes[p + 1] & 0xff) << 8);
        }
        return new String(chars);
    }

    /** A buffered writer of UTF-16LE code units to a byte stream. */
    static final class Out extends Writer {
        private final OutputStream out;
        private final byte[] buf = new byte[16384];
        private int pos;

        Out(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int c) throws IOException {
            if (pos + 2 > buf.length) {
                drain();
            }
            buf[pos++] = (byte) c;
            buf[pos++] = (byte) (c >>> 8);
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            for (int i = 0; i < len; i++) {
                write(cbuf[off + i]);
            }
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            for (int i = 0; i < len; i++) {
                write(s.charAt(off + i));
            }
        }

        private void drain() throws IOException {
            out.write(buf, 0, pos);
            pos = 0;
        }

        @Override
        public void flush() throws IOException {
            drain();
            out.flush();
        }

        @Override
        public void close() throws IOException {
            flush();
            out.close();
        }
    }
}
