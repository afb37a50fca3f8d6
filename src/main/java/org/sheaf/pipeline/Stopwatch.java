package org.sheaf.pipeline;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Wall time per stage of a build (or step of a body edit), for {@code --verbose} and benchmarks. */
public final class Stopwatch {
    private final Map<String, Duration> laps = new LinkedHashMap<>();
    private long last = System.nanoTime();

    /** Ends the stage called {@code stage}, which began where the last one ended. */
    public void lap(String stage) {
        long now = System.nanoTime();
        laps.put(stage, Duration.ofNanos(now - last));
        last = now;
    }

    /** A time measured inside a stage (the Sass compiler's start-up, within render). */
    public void note(String what, Duration time) {
        laps.put(what, time);
    }

    /** Every stage's time, in order. */
    public Map<String, Duration> laps() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(laps));
    }
}
