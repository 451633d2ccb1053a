package org.imelab.agent.win32app.engine;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.imelab.agent.device.restart.DeviceRestarter;
import org.imelab.agent.win32app.lifecycle.AppResult;
import org.imelab.gateway.protocol.win32.DeviceRestartBehavior;
import org.imelab.gateway.protocol.win32.InstallEx;
import org.imelab.gateway.protocol.win32.RebootEx;
import org.imelab.gateway.protocol.win32.Win32AppPolicy;
import org.imelab.registry.ime.LabRestartKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device restarts a pass asks for: an app that ended with a hard reboot result (2008, 2011, or its
 * successor's 6010), or one that ran with DeviceRestartBehavior 3 (force). The lab machine restarts only
 * when {@code HKLM\SOFTWARE\imelab\Settings\AllowDeviceRestart} is 1; then after the longest
 * {@code RebootEx.GracePeriod} of the apps asking, or {@link #DEFAULT_DELAY} when none sets one: long enough
 * to save work or cancel ({@code shutdown /a}, {@code shutdown -c}), short enough for a lab run.
 */
final class DeviceRestartRequests {
    private static final Logger LOG = LoggerFactory.getLogger("ime.AppWorkload");
    static final Duration DEFAULT_DELAY = Duration.ofMinutes(5);
    private static final Set<AppResult> HARD_REBOOT = Set.of(AppResult.INSTALLED_HARD_REBOOT,
            AppResult.UNINSTALLED_HARD_REBOOT, AppResult.REMOVED_BY_SUPERSEDENCE_HARD_REBOOT);

    /** One app asking for a restart, and the delay its policy wants. */
    record Ask(String appId, Duration delay) {
    }

    private final LabRestartKey settings;
    private final DeviceRestarter restarter;

    DeviceRestartRequests(LabRestartKey settings, DeviceRestarter restarter) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.restarter = Objects.requireNonNull(restarter, "restarter");
    }

    /** Whether the app's pass asks for a restart: only a result written now, so a kept one does not ask again. */
    static Optional<Ask> of(Win32AppPolicy policy, AppPass.Outcome outcome, boolean executed) {
        if (!outcome.stateChanged()) {
            return Optional.empty();
        }
        boolean hard = outcome.result().map(HARD_REBOOT::contains).orElse(false);
        InstallEx ex = policy.installEx();
        boolean forced = executed && ex != null && ex.deviceRestartBehavior() != null
                && ex.deviceRestartBehavior() == DeviceRestartBehavior.FORCE.code()
                && outcome.state() != org.imelab.agent.win32app.lifecycle.AppState.FAILED;
        if (!hard && !forced) {
            return Optional.empty();
        }
        return Optional.of(new Ask(outcome.app().appId(), delay(policy.rebootEx())));
    }

    static Duration delay(RebootEx reboot) {
        return reboot != null && reboot.gracePeriod() != null && reboot.gracePeriod() > 0
                ? Duration.ofMinutes(reboot.gracePeriod()) : DEFAULT_DELAY;
    }

    /** After a pass: restarts the machine when apps asked for it and the lab allows it; else says why not. */
    void afterPass(List<Ask> asks) {
        if (asks.isEmpty()) {
            return;
        }
        String ids = asks.stream().map(Ask::appId).collect(Collectors.joining(", "));
        if (!settings.allowDeviceRestart()) {
            LOG.info("[Win32App] App(s) {} asked for a device restart; imelab does not restart the lab machine. Set "
                    + "{} to 1 (REG_DWORD) to allow it, or run: imelab restart --simulate", ids,
                    settings.settingsKey().child(LabRestartKey.ALLOW_DEVICE_RESTART).toShortString());
            return;
        }
        Duration delay = asks.stream().map(Ask::delay).max(Duration::compareTo).orElse(DEFAULT_DELAY);
        LOG.info("[Win32App] Device restart requested by app(s) {}; restarting the device in {} minute(s).", ids,
                delay.toMinutes());
        try {
            restarter.restart(delay, "imelab: Win32 app(s) " + ids + " need a device restart.");
        } catch (IOException e) {
            LOG.error("[Win32App] The device restart could not be requested: {}", e.getMessage());
        }
    }
}
