package org.lararena.platform.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Stops the harness's servers when the JUnit session ends, passed or failed (registered as a service). */
public final class TestServicesSessionListener implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        TestServices.stopIfStarted();
    }
}
