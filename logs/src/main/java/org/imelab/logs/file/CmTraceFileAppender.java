package org.imelab.logs.file;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Appends encoded events to one IME log file ({@code {Base}.log}), rolling it over like the IME
 * ({@link LogRollover}) and reopening it when another process moved or deleted it
 * ({@link SharedAppendFile}). Each event is one write, so a record is never split between files
 * and readers never see half a record from us.
 *
 * <p>Whether the path still names our file, and how big the file is, is checked at most once per
 * {@link #setReopenCheckMillis(long) check interval} (by the rollover's clock) and before every
 * rollover, which keeps the hot path to one write. When two processes write one file, a file
 * can therefore pass {@code LogMaxSize} by what the other one appended since our last check.
 *
 * <p>The file is created by the first event, not by {@link #start()}. I/O failures go to
 * Logback's status manager (an appender must not throw into the code that logs); the file is
 * reopened on the next event.
 */
public final class CmTraceFileAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    private final ReentrantLock lock = new ReentrantLock();
    private Path file;
    private Encoder<ILoggingEvent> encoder;
    private LogRollover rollover;
    private long reopenCheckMillis = 1000;
    private SharedAppendFile out;
    private long lastCheck;

    public void setFile(Path file) {
        this.file = file;
    }

    public Path getFile() {
        return file;
    }

    public void setEncoder(Encoder<ILoggingEvent> encoder) {
        this.encoder = encoder;
    }

    public Encoder<ILoggingEvent> getEncoder() {
        return encoder;
    }

    public void setRollover(LogRollover rollover) {
        this.rollover = rollover;
    }

    public LogRollover getRollover() {
        return rollover;
    }

    /** How often (clock milliseconds) to check that the path still names our file; 0 = every write. */
    public void setReopenCheckMillis(long reopenCheckMillis) {
        this.reopenCheckMillis = reopenCheckMillis;
    }

    @Override
    public void start() {
        int errors = 0;
        if (file == null) {
            addError("No file set for the CMTrace appender named [" + name + "].");
            errors++;
        }
        if (encoder == null) {
            addError("No encoder set for the CMTrace appender named [" + name + "].");
            errors++;
        }
        if (rollover == null) {
            addError("No rollover set for the CMTrace appender named [" + name + "].");
            errors++;
        }
        if (errors > 0) {
            throw new IllegalStateException("CMTrace appender [" + name + "] is not configured; see the status messages");
        }
        lock.lock();
        try {
            // opened by the first event: like the IME, a log that gets no line gets no file
            out = new SharedAppendFile(file);
            lastCheck = rollover.clock().millis();
        } finally {
            lock.unlock();
        }
        super.start();
    }

    @Override
    public void stop() {
        lock.lock();
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            addError("Cannot close " + file, e);
        } finally {
            lock.unlock();
        }
        super.stop();
    }

    @Override
    protected void append(ILoggingEvent event) {
        byte[] bytes = encoder.encode(event);
        lock.lock();
        try {
            write(bytes);
        } catch (IOException first) {
            // the file may have been pulled away under us: reopen once and retry this event
            try {
                out.open();
                write(bytes);
            } catch (IOException again) {
                again.addSuppressed(first);
                addError("Cannot write to " + file, again);
            }
        } finally {
            lock.unlock();
        }
    }

    private void write(byte[] bytes) throws IOException {
        if (!out.isOpen()) {
            out.open();
        }
        long now = rollover.clock().millis();
        if (now - lastCheck >= reopenCheckMillis || now < lastCheck) {
            lastCheck = now;
            if (out.isReplaced()) {
                out.open();
            } else {
                out.refresh(); // another writer may have appended: keep the rollover decision honest
            }
        }
        if (rollover.isDue(out.size(), bytes.length)) {
            rollIfStillDue(bytes.length);
        }
        out.write(bytes);
    }

    /** Another process may have rotated or appended meanwhile: decide on fresh facts. */
    private void rollIfStillDue(int incoming) throws IOException {
        if (out.isReplaced()) {
            out.open();
        } else {
            out.refresh();
        }
        if (!rollover.isDue(out.size(), incoming)) {
            return;
        }
        out.close();
        try {
            LogRollover.Result result = rollover.roll(file);
            for (IOException e : result.notDeleted()) {
                addWarn("Cannot delete an old rotated log", e);
            }
        } catch (IOException e) {
            // losing lines is worse than a file past its limit: keep writing, try again next time
            addWarn("Cannot roll over " + file + "; writing on", e);
        }
        out.open();
    }
}
