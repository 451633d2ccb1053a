package org.imelab.logs.cmtrace;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * Writes one Logback event as one CMTrace record, byte for byte in the shape the IME writes
 * (ime-behaviour.md C §2.2):
 *
 * <pre>{@code <![LOG[message]LOG]!><time="HH:mm:ss.fffffff" date="M-d-yyyy" component="X" context="" type="1" thread="5" file="">}</pre>
 *
 * <p>Local time in {@link #setZone(ZoneId) the zone} (no bias suffix), 7 fractional digits,
 * unpadded date, type 1 for info/debug/trace, 2 for warn, 3 for error, UTF-8 without BOM,
 * CRLF. Line breaks inside the message (and an appended stack trace) are written as CRLF, so a
 * multi-line record starts with {@code <![LOG[}, continues with raw lines and ends with the
 * attributes. The message is written verbatim, like the IME does: no escaping of
 * {@code ]LOG]!>}.
 *
 * <p>{@code thread} is the numeric id of the thread that logs. Logback events carry only the
 * thread's name, so the id is taken from the current thread when the event's thread name is the
 * current thread's: this holds for synchronous appenders (all of ours). An event handed to
 * another thread (AsyncAppender) gets {@code thread="0"}, "unknown", rather than a wrong id.
 *
 * <p>The hot path uses neither regex nor String.format: the time prefix and the date/component
 * part are rendered once per second and reused. Thread-safe (Logback may encode outside the
 * appender's lock).
 */
public final class CmTraceEncoder extends EncoderBase<ILoggingEvent> {

    /** Loggers named {@code ime.<Component>} log with that component when none is set. */
    public static final String IME_LOGGER_PREFIX = "ime.";

    private static final byte[] OPEN = ascii("<![LOG[");
    private static final byte[] THREAD = ascii("\" thread=\"");
    private static final byte[] END = ascii("\" file=\"\">\r\n");

    private String component;
    private ZoneId zone = ZoneId.systemDefault();
    private ZoneRules rules = zone.getRules();
    private volatile Stamp stamp;

    /** The per-second parts of a record: {@code ]LOG]!><time="HH:mm:ss.} and {@code " date=... type="}. */
    private record Stamp(long epochSecond, String component, byte[] timePrefix, byte[] dateToType) {
    }

    /** The component of every record; unset: derived from the logger name (see {@link #componentOf}). */
    public void setComponent(String component) {
        this.component = component;
    }

    public String getComponent() {
        return component;
    }

    /** The zone whose local time the records carry (the device's zone; tests pin one). */
    public void setZone(ZoneId zone) {
        this.zone = zone;
        this.rules = zone.getRules();
        this.stamp = null;
    }

    public ZoneId getZone() {
        return zone;
    }

    @Override
    public void start() {
        if (zone == null) {
            addError("CmTraceEncoder needs a zone.");
            throw new IllegalStateException("CmTraceEncoder needs a zone.");
        }
        if (component != null && (component.indexOf('"') >= 0 || component.isEmpty())) {
            addError("Invalid CMTrace component: [" + component + "]");
            throw new IllegalStateException("Invalid CMTrace component: [" + component + "]");
        }
        super.start();
    }

    /** No header: the IME's files have no BOM. */
    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        Instant instant = event.getInstant();
        if (instant == null) {
            instant = Instant.ofEpochMilli(event.getTimeStamp());
        }
        String comp = component != null ? component : componentOf(event.getLoggerName());
        Stamp s = stampFor(instant.getEpochSecond(), comp);
        byte[] message = message(event).getBytes(StandardCharsets.UTF_8);
        long thread = threadIdOf(event);
        int threadDigits = digits(thread);

        byte[] out = new byte[OPEN.length + message.length + s.timePrefix.length + 7
                + s.dateToType.length + 1 + THREAD.length + threadDigits + END.length];
        int p = put(out, 0, OPEN);
        p = put(out, p, message);
        p = put(out, p, s.timePrefix);
        int ticks = instant.getNano() / 100; // .NET ticks: 100 ns, 7 digits
        for (int i = 6; i >= 0; i--) {
            out[p + i] = (byte) ('0' + ticks % 10);
            ticks /= 10;
        }
        p += 7;
        p = put(out, p, s.dateToType);
        out[p++] = typeOf(event.getLevel());
        p = put(out, p, THREAD);
        for (int i = threadDigits - 1; i >= 0; i--) {
            out[p + i] = (byte) ('0' + thread % 10);
            thread /= 10;
        }
        p += threadDigits;
        put(out, p, END);
        return out;
    }

    /** {@code ime.AppWorkload} gives {@code AppWorkload}; any other logger name is used whole. */
    public static String componentOf(String loggerName) {
        if (loggerName == null || loggerName.isEmpty()) {
            return "imelab";
        }
        return loggerName.startsWith(IME_LOGGER_PREFIX) && loggerName.length() > IME_LOGGER_PREFIX.length()
                ? loggerName.substring(IME_LOGGER_PREFIX.length())
                : loggerName;
    }

    /** CMTrace type: 3 error, 2 warning, 1 everything else. */
    static byte typeOf(Level level) {
        int l = level == null ? Level.INFO_INT : level.toInt();
        return l >= Level.ERROR_INT ? (byte) '3' : l >= Level.WARN_INT ? (byte) '2' : (byte) '1';
    }

    private Stamp stampFor(long epochSecond, String comp) {
        Stamp s = stamp;
        if (s != null && s.epochSecond == epochSecond && (s.component == comp || s.component.equals(comp))) {
            return s;
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0,
                rules.getOffset(Instant.ofEpochSecond(epochSecond)));
        StringBuilder prefix = new StringBuilder(24).append("]LOG]!><time=\"");
        two(prefix, t.getHour()).append(':');
        two(prefix, t.getMinute()).append(':');
        two(prefix, t.getSecond()).append('.');
        String rest = "\" date=\"" + t.getMonthValue() + '-' + t.getDayOfMonth() + '-' + t.getYear()
                + "\" component=\"" + comp + "\" context=\"\" type=\"";
        s = new Stamp(epochSecond, comp, ascii(prefix.toString()), rest.getBytes(StandardCharsets.UTF_8));
        stamp = s;
        return s;
    }

    /** The message, an exception appended on the following lines, every line break as CRLF. */
    private static String message(ILoggingEvent event) {
        String m = event.getFormattedMessage();
        if (m == null) {
            m = "";
        }
        IThrowableProxy tp = event.getThrowableProxy();
        if (tp != null) {
            String trace = ThrowableProxyUtil.asString(tp);
            int end = trace.length();
            while (end > 0 && (trace.charAt(end - 1) == '\n' || trace.charAt(end - 1) == '\r')) {
                end--;
            }
            m = m.isEmpty() ? trace.substring(0, end) : m + "\n" + trace.substring(0, end);
        }
        return crlf(m);
    }

    /** Every line break ({@code \r\n}, {@code \n} or a lone {@code \r}) as CRLF. */
    static String crlf(String m) {
        if (m.indexOf('\n') < 0 && m.indexOf('\r') < 0) {
            return m;
        }
        StringBuilder b = new StringBuilder(m.length() + 16);
        int n = m.length();
        for (int i = 0; i < n; i++) {
            char c = m.charAt(i);
            if (c == '\r') {
                b.append("\r\n");
                if (i + 1 < n && m.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\n') {
                b.append("\r\n");
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static long threadIdOf(ILoggingEvent event) {
        Thread current = Thread.currentThread();
        String name = event.getThreadName();
        String currentName = current.getName();
        if (name == null || name.equals(currentName) || currentName.isEmpty()) {
            return current.threadId();
        }
        return 0;
    }

    private static int digits(long v) {
        int d = 1;
        while (v >= 10) {
            v /= 10;
            d++;
        }
        return d;
    }

    private static StringBuilder two(StringBuilder b, int v) {
        return b.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    private static int put(byte[] out, int at, byte[] part) {
        System.arraycopy(part, 0, out, at, part.length);
        return at + part.length;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
