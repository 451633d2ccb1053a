package org.imelab.agent.testing;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.imelab.agent.sync.CheckinHandler;
import org.imelab.agent.sync.CheckinOutcome;
import org.imelab.agent.sync.CheckinRequest;

/** A check-in handler that records each call and answers what the test tells it to. */
public final class RecordingCheckinHandler implements CheckinHandler {

    /** One recorded call. */
    public record Call(CheckinRequest request, Instant at) {
    }

    private final InstantSource clock;
    private final List<Call> calls = new ArrayList<>();
    private volatile Function<CheckinRequest, CheckinOutcome> answer = r -> CheckinOutcome.success("nothing to do");

    public RecordingCheckinHandler(InstantSource clock) {
        this.clock = clock;
    }

    public RecordingCheckinHandler answering(Function<CheckinRequest, CheckinOutcome> answer) {
        this.answer = answer;
        return this;
    }

    @Override
    public CheckinOutcome checkIn(CheckinRequest request) {
        synchronized (calls) {
            calls.add(new Call(request, clock.instant()));
        }
        return answer.apply(request);
    }

    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }
}
