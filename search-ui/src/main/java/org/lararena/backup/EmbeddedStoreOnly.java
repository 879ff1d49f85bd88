package org.lararena.backup;

import org.lararena.platform.LararenaConfig;
import org.lararena.platform.LararenaException;

/**
 * Backup and restore cover a data directory whose annotations are in its embedded TDB2. One whose annotations live in
 * a shared RDF store is refused: a backup would leave them out, a restore would put them where nothing reads them.
 * Fuseki's own backup covers that store (docs/operations.md).
 *
 * <p>No logger here, on purpose: a refused restore must write nothing into the data directory, and the first logger
 * made in the command line's process opens the log file there.
 */
final class EmbeddedStoreOnly {

    private EmbeddedStoreOnly() {
    }

    /** Refuses {@code what} ("A backup", "A restore") with 501 when the annotations live in a shared RDF store. */
    static void require(LararenaConfig config, String what) {
        config.rdf().url().ifPresent(url -> {
            throw new LararenaException(501, "remote_rdf_store", what + " of this data directory would leave out the annotations: they"
                    + " live in the RDF store at " + url + " (LARARENA_RDF / LARARENA_RDF_URL). Back that store up with Fuseki's own"
                    + " backup, as docs/operations.md says, and the rest of the data directory as files.");
        });
    }
}
