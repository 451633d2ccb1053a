package org.imelab.agent.daemon;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Supplier;
import java.time.Instant;
import java.util.Optional;
import org.imelab.agent.sync.CheckinObserver;
import org.imelab.agent.sync.CheckinRequest;
import org.imelab.agent.sync.CheckinResult;

/**
 * The few readable lines per check-in that {@code imelab run} prints (the CMTrace log has the
 * detail):
 * <pre>
 * 08:00:36  check-in 1 (service start)
 * 08:00:37  check-in 1 done in 0.8 s: 3 apps, nothing to do. Next check-in at 09:00:36.
 * </pre>
 */
public final class ConsoleReporter implements CheckinObserver {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final PrintWriter out;
    private final ZoneId zone;
    private final Supplier<Optional<Instant>> nextCheckin;

    public ConsoleReporter(PrintWriter out, ZoneId zone, Supplier<Optional<Instant>> nextCheckin) {
        this.out = out;
        this.zone = zone;
        this.nextCheckin = nextCheckin;
    }

    @Override
    public void checkinStarted(CheckinRequest r) {
        line(r.started(), "check-in " + r.number() + " (" + r.description() + ")");
    }

    @Override
    public void checkinFinished(CheckinResult r) {
        String next = nextCheckin.get().map(t -> " Next check-in at " + TIME.format(t.atZone(zone)) + ".").orElse("");
        String how = r.outcome().success() ? "done" : "FAILED";
        line(r.finished(), String.format(Locale.ROOT, "check-in %d %s in %.1f s: %s.%s", r.request().number(), how,
                r.elapsed().toMillis() / 1000.0, r.outcome().summary(), next));
    }

    /** A free-form line with a time stamp (start-up, shutdown). */
    public void line(Instant at, String text) {
        out.println(TIME.format(at.atZone(zone)) + "  " + text);
        out.flush();
    }
}
