package io.vigil.launcher;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/** Sends Felix's own log (bundle resolution, activation errors) to the node log, naming the bundle. */
final class FrameworkLogBridge extends org.apache.felix.framework.Logger {

    @Override
    protected void doLog(Bundle bundle, @SuppressWarnings("rawtypes") ServiceReference sr, int level, String msg,
            Throwable throwable) {
        String source = bundle == null ? "org.apache.felix.framework" : bundle.getSymbolicName();
        Logger.getLogger(source == null ? "bundle." + bundle.getBundleId() : source).log(julLevel(level), msg,
                throwable);
    }

    private static Level julLevel(int level) {
        switch (level) {
            case LOG_ERROR:
                return Level.SEVERE;
            case LOG_WARNING:
                return Level.WARNING;
            case LOG_INFO:
                return Level.INFO;
            default:
                return Level.FINE;
        }
    }

}
