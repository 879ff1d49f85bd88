package org.lararena.backup;

/** The version of the running Lärarena, as its jar's manifest names it ({@code development} when run from classes). */
final class LararenaVersion {

    private LararenaVersion() {
    }

    static String current() {
        String version = LararenaVersion.class.getPackage().getImplementationVersion();
        return version != null ? version : "development";
    }
}
