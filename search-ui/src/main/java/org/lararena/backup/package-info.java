/**
 * Backup and restore of a whole data directory: {@link org.lararena.backup.DataBackup} takes a backup while the
 * platform runs (Elasticsearch through its snapshot API, the Jena store as N-Quads read in one read transaction,
 * the data directory's own files copied), {@link org.lararena.backup.BackupManifest} writes the manifest of
 * checksums last and verifies it, and {@link org.lararena.backup.DataRestore} restores onto an empty data directory
 * with the platform stopped. Nothing here serves HTTP; the admin route and the command line call in.
 */
package org.lararena.backup;
