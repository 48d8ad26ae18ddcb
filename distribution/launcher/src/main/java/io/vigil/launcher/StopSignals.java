package io.vigil.launcher;

import sun.misc.Signal;

/** Turns SIGTERM and SIGINT into an orderly stop instead of the JVM's abrupt exit with code 143/130. */
final class StopSignals {

    private StopSignals() {
    }

    static void install(Runnable stop) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), s -> stop.run());
            } catch (IllegalArgumentException e) {
                // signal not available on this platform: the shutdown hook still stops the framework
            }
        }
    }
}
