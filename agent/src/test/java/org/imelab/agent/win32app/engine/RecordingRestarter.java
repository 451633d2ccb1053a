package org.imelab.agent.win32app.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.imelab.agent.device.restart.DeviceRestarter;

/** A restarter that only records what it was asked: the machine running the tests never restarts. */
final class RecordingRestarter implements DeviceRestarter {
    /** One request: the delay and the reason shown to the user. */
    record Request(Duration delay, String reason) {
    }

    final List<Request> requests = new ArrayList<>();

    @Override
    public void restart(Duration delay, String reason) {
        requests.add(new Request(delay, reason));
    }
}
