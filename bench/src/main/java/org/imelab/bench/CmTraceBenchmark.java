package org.imelab.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.FileAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.imelab.logs.cmtrace.CmTraceEncoder;
import org.imelab.logs.file.CmTraceFileAppender;
import org.imelab.logs.file.LogRollover;
import org.imelab.logs.ime.ImeLogSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * CMTrace lines per second written to a file: our encoder + appender (as the agent runs it:
 * LogMaxSize 2 MB, LogMaxHistory 3, so it also rolls over every ~9,000 lines) against the
 * reference, Logback's own PatternLayoutEncoder + FileAppender with a pattern giving the same
 * line, writing the same events to the same kind of file. Both write each line through to the
 * file (immediate flush, one write per event). The figure is the ratio imelab / logback.
 *
 * <p>Each operation creates a fresh event (as a logger call would) so the message and time are
 * formatted every time. Files are recreated for each iteration (Logback's never rolls).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class CmTraceBenchmark {

    static final String MESSAGE =
            "[Win32App][V3Processor] Processing subgraph with app ids: 9a7d745d-9cd2-4b05-adc2-7796f8c8cc87";
    static final String PATTERN = "<![LOG[%msg]LOG]!><time=\"%d{HH:mm:ss.SSSSSSS}\" date=\"%d{M-d-yyyy}\" "
            + "component=\"IntuneManagementExtension\" context=\"\" type=\"1\" thread=\"%thread\" file=\"\">%n";

    private Path dir;
    private LoggerContext context;
    private Logger logger;
    private CmTraceFileAppender imelab;
    private FileAppender<ILoggingEvent> logback;

    @Setup(org.openjdk.jmh.annotations.Level.Iteration)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("cmtrace-bench");
        context = new LoggerContext();
        // as SLF4J's provider does; without it every Logback file write would throw and catch inside
        // prepareForDeferredProcessing(), which would make the reference look slow
        context.setMDCAdapter(new LogbackMDCAdapter());
        logger = context.getLogger("ime.IntuneManagementExtension");

        CmTraceEncoder encoder = new CmTraceEncoder();
        encoder.setContext(context);
        encoder.setComponent("IntuneManagementExtension");
        encoder.start();
        imelab = new CmTraceFileAppender();
        imelab.setContext(context);
        imelab.setName("imelab");
        imelab.setFile(dir.resolve("imelab").resolve("IntuneManagementExtension.log"));
        imelab.setEncoder(encoder);
        imelab.setRollover(new LogRollover(ImeLogSettings.DEFAULT_MAX_SIZE_BYTES, ImeLogSettings.DEFAULT_MAX_HISTORY,
                Clock.systemDefaultZone()));
        imelab.start();

        PatternLayoutEncoder pattern = new PatternLayoutEncoder();
        pattern.setContext(context);
        pattern.setPattern(PATTERN);
        pattern.start();
        logback = new FileAppender<>();
        logback.setContext(context);
        logback.setName("logback");
        logback.setFile(dir.resolve("logback").resolve("IntuneManagementExtension.log").toString());
        logback.setEncoder(pattern);
        logback.start();
    }

    @TearDown(org.openjdk.jmh.annotations.Level.Iteration)
    public void tearDown() throws IOException {
        imelab.stop();
        logback.stop();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private LoggingEvent event() {
        return new LoggingEvent(CmTraceBenchmark.class.getName(), logger, Level.INFO, MESSAGE, null, null);
    }

    /** Ours: CmTraceEncoder + CmTraceFileAppender (with the IME's rollover). */
    @Benchmark
    public void imelabCmTrace() {
        imelab.doAppend(event());
    }

    /** Reference: Logback's PatternLayoutEncoder + FileAppender writing the same line. */
    @Benchmark
    public void logbackPatternLayout() {
        logback.doAppend(event());
    }
}
