package org.lararena.exchange;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The REFI-QDA files a researcher imports: a whole project (QDPX) or a codebook (QDC). */
public enum ImportFormat {
    QDPX,
    QDC;

    /** Its name in routes and file names: {@code qdpx}, {@code qdc}. */
    public String pathName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format a route names, if it names one. */
    public static Optional<ImportFormat> fromPathName(String name) {
        return Arrays.stream(values()).filter(format -> format.pathName().equals(name)).findFirst();
    }
}
