package org.imelab.agent.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff b = Backoff.DEFAULT;

    @Test
    void doublesFromTwoSecondsWithoutJitterAtTheMiddle() {
        assertEquals(Duration.ofSeconds(2), b.delay(1, 0.5));
        assertEquals(Duration.ofSeconds(4), b.delay(2, 0.5));
        assertEquals(Duration.ofSeconds(8), b.delay(3, 0.5));
    }

    @Test
    void jitterSpreadsTwentyPercentEitherWay() {
        assertEquals(Duration.ofMillis(1600), b.delay(1, 0.0));
        assertEquals(Duration.ofMillis(2400), b.delay(1, 0.99999999));
    }

    @Test
    void neverExceedsTheCap() {
        Backoff steep = new Backoff(Duration.ofSeconds(10), 10.0, Duration.ofSeconds(60), 0.5, 20);
        assertEquals(Duration.ofSeconds(60), steep.delay(2, 0.5));
        assertEquals(Duration.ofSeconds(60), steep.delay(20, 0.99));
        assertEquals(Duration.ofSeconds(30), steep.delay(20, 0.0));
    }

    @Test
    void countsItsRetries() {
        assertTrue(b.allows(1));
        assertTrue(b.allows(3));
        assertFalse(b.allows(4));
        assertFalse(b.allows(0));
        assertFalse(Backoff.none().allows(1));
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(5), 2, Duration.ofSeconds(1), 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(1), 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(1), 2, Duration.ofSeconds(1), 1.0, 1));
        assertThrows(IllegalArgumentException.class, () -> b.delay(0, 0.5));
    }
}
