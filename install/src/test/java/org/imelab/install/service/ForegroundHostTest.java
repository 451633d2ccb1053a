package org.imelab.install.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ForegroundHostTest {

    @Test
    void runsUntilAskedToStopThenStopsTheDaemon() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        ForegroundHost host = new ForegroundHost(false);
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> host.run(new HostedService() {
            @Override
            public void start() {
                started.countDown();
            }

            @Override
            public void stop() {
                stopped.countDown();
            }
        }));
        assertTrue(started.await(10, TimeUnit.SECONDS));
        assertEquals(1, stopped.getCount(), "still running");

        host.requestStop();

        assertEquals(0, run.get(10, TimeUnit.SECONDS));
        assertEquals(0, stopped.getCount());
    }

    @Test
    void aDaemonThatCannotStartEndsTheRunWithExitCodeOne() {
        int code = new ForegroundHost(false).run(new HostedService() {
            @Override
            public void start() {
                throw new IllegalStateException("port in use");
            }

            @Override
            public void stop() {
            }
        });
        assertEquals(1, code);
    }
}
