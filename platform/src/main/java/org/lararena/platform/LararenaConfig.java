package org.lararena.platform;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The platform's configuration, parsed once from environment variables (the keys below), with defaults that
 * run everything locally. Invalid values stop start-up with a {@link ConfigurationException} naming the key.
 *
 * <table>
 * <caption>Keys</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>LARARENA_HOME</td><td>the checkout</td><td>where the project's files are (set by {@code ./lararena})</td></tr>
 * <tr><td>LARARENA_DATA_DIR</td><td>{@code $LARARENA_HOME/data}</td><td>all state: servers, indexes, originals, Jena store</td></tr>
 * <tr><td>LARARENA_HTTP_HOST</td><td>127.0.0.1</td><td>interface the web application listens on</td></tr>
 * <tr><td>LARARENA_HTTP_PORT</td><td>8080</td><td>port of the web application</td></tr>
 * <tr><td>LARARENA_PUBLIC_URL</td><td>{@code http://HOST:PORT}</td><td>address users reach the application at</td></tr>
 * <tr><td>LARARENA_ES_PORT</td><td>9200</td><td>HTTP port of the managed Elasticsearch (its first node; node N has PORT+N-1,
 * and transport PORT+N+99)</td></tr>
 * <tr><td>LARARENA_ES_NODES</td><td>1</td><td>nodes of the managed Elasticsearch cluster, all on loopback</td></tr>
 * <tr><td>LARARENA_ES_URLS</td><td>(none: managed)</td><td>comma list of an external cluster's nodes</td></tr>
 * <tr><td>LARARENA_ES_API_KEY</td><td>(none)</td><td>API key for an external cluster</td></tr>
 * <tr><td>LARARENA_ES_HEAP_MB</td><td>768</td><td>heap of the managed Elasticsearch</td></tr>
 * <tr><td>LARARENA_ES_SHARDS</td><td>1</td><td>primary shards of a new passage index</td></tr>
 * <tr><td>LARARENA_ES_REPLICAS</td><td>0 for one managed node, else 1</td><td>replicas of each passage shard</td></tr>
 * <tr><td>LARARENA_ES_FACET_UPDATE_SECONDS</td><td>60</td><td>how long an update of search facets after coding waits for
 *     Elasticsearch before it fails and is tried again</td></tr>
 * <tr><td>LARARENA_INDEX_PREFIX</td><td>lararena</td><td>prefix of every index and alias name</td></tr>
 * <tr><td>LARARENA_RDF</td><td>embedded</td><td>where annotations live: {@code embedded} (TDB2 in the data directory, one
 *     instance only) or {@code fuseki} (a Fuseki with TDB2 that several instances share: managed on LARARENA_FUSEKI_PORT,
 *     or the one LARARENA_RDF_URL names)</td></tr>
 * <tr><td>LARARENA_RDF_URL</td><td>(none)</td><td>the SPARQL dataset of an external Fuseki, e.g. {@code http://rdf1:3030/lararena};
 *     set, the annotation store is remote and nothing is managed</td></tr>
 * <tr><td>LARARENA_FUSEKI_PORT</td><td>3030</td><td>HTTP port of the managed Fuseki (LARARENA_RDF=fuseki)</td></tr>
 * <tr><td>LARARENA_FUSEKI_HEAP_MB</td><td>1024</td><td>heap of the managed Fuseki</td></tr>
 * <tr><td>LARARENA_JENA_NODE_CACHE</td><td>(from the heap)</td><td>nodes each of TDB2's two node caches holds (node to id,
 *     id to node), in the application's embedded store and in the managed Fuseki alike; by default one for every
 *     {@value Rdf#HEAP_BYTES_PER_CACHED_NODE} bytes of the JVM's heap, and never fewer than Jena's own million</td></tr>
 * <tr><td>LARARENA_KEYCLOAK_PORT</td><td>8180</td><td>HTTP port of the managed Keycloak</td></tr>
 * <tr><td>LARARENA_KEYCLOAK_URL</td><td>(none: managed)</td><td>base address of an external Keycloak</td></tr>
 * <tr><td>LARARENA_KEYCLOAK_REALM</td><td>lararena</td><td>realm holding users and roles</td></tr>
 * <tr><td>LARARENA_OIDC_AUDIENCE</td><td>lararena</td><td>audience every access token must carry</td></tr>
 * <tr><td>LARARENA_WEB_CLIENT_ID</td><td>lararena-web</td><td>OIDC client of the web application</td></tr>
 * <tr><td>LARARENA_WEB_CLIENT_SECRET</td><td>(dev realm's)</td><td>its secret</td></tr>
 * <tr><td>LARARENA_CLI_CLIENT_ID</td><td>lararena-cli</td><td>public OIDC client of the command line</td></tr>
 * <tr><td>LARARENA_START_TIMEOUT_SECONDS</td><td>240</td><td>how long a managed server may take to come up</td></tr>
 * <tr><td>LARARENA_MIN_FREE_DISK_MB</td><td>1024</td><td>free space the data directory needs to start</td></tr>
 * <tr><td>LARARENA_MAX_INSIGHT_CHARS</td><td>10000</td><td>longest insight text; a longer one is refused with 400</td></tr>
 * <tr><td>LARARENA_MAX_MEMO_CHARS</td><td>10000</td><td>longest memo; a longer one is refused with 400</td></tr>
 * <tr><td>LARARENA_DOCUMENT_PART_PASSAGES</td><td>500</td><td>passages Dokument and Kodning show of a document at a time
 *     (a longer document is shown in parts), and most an API client may ask for at once with {@code from} and {@code count}</td></tr>
 * <tr><td>LARARENA_MAX_UPLOAD_MB</td><td>200</td><td>largest file accepted; larger ones are refused before they are stored</td></tr>
 * <tr><td>LARARENA_MAX_IMPORT_MB</td><td>200</td><td>largest QDPX file {@code POST /api/import/qdpx} accepts; larger ones are refused with 413</td></tr>
 * <tr><td>LARARENA_MAX_IMPORT_UNPACKED_MB</td><td>1000</td><td>most a QDPX file may unpack to; more is refused with 413 as a zip bomb</td></tr>
 * <tr><td>LARARENA_QDPX_SCHEMA</td><td>none</td><td>the REFI-QDA {@code Project.xsd} (published with the standard) every
 *     imported project is checked against; unset, imports are not checked against it and their answer says so</td></tr>
 * <tr><td>LARARENA_QDC_SCHEMA</td><td>none</td><td>the REFI-QDA {@code Codebook.xsd} every imported QDC codebook is checked
 *     against; unset, codebooks are not checked against it and their answer says so</td></tr>
 * <tr><td>LARARENA_IMPORT_JOB_CODINGS</td><td>5000</td><td>a QDPX import with more codings than this runs as a job
 *     ({@code 202}, progress at {@code GET /api/jobs/{id}}) instead of in the request</td></tr>
 * <tr><td>LARARENA_DEMO_DATA</td><td>true</td><td>load the demo documents on first start</td></tr>
 * <tr><td>LARARENA_EXTRACT_TIMEOUT_SECONDS</td><td>60</td><td>longest a single file's extraction may take</td></tr>
 * <tr><td>LARARENA_EXTRACT_HEAP_MB</td><td>512</td><td>heap of each extraction worker process</td></tr>
 * <tr><td>LARARENA_EXTRACT_WORKERS</td><td>2</td><td>extraction worker processes running at once</td></tr>
 * <tr><td>LARARENA_ES_ANALYSIS_FILES</td><td>true when managed</td><td>the ontology's decompound and synonym files are installed
 *     in every node's {@code config/lararena/} (the managed node gets them at every start)</td></tr>
 * <tr><td>LARARENA_EXTRACT_MAX_OUTPUT_CHARS</td><td>20000000</td><td>most text one file may yield</td></tr>
 * <tr><td>LARARENA_EXTRACT_MAX_NESTING</td><td>5</td><td>how deeply archives and attachments may nest in a file</td></tr>
 * <tr><td>LARARENA_EXTRACT_MAX_ZIP_RATIO</td><td>100</td><td>characters of output per compressed byte before a file is a zip bomb</td></tr>
 * <tr><td>LARARENA_EXTRACT_MAX_ARCHIVE_FILES</td><td>1000</td><td>most documents one archive may hold</td></tr>
 * <tr><td>LARARENA_EXTRACT_MAX_ARCHIVE_MB</td><td>1000</td><td>most one archive may unpack to</td></tr>
 * <tr><td>LARARENA_EXTRACT_MAX_ARCHIVE_DEPTH</td><td>2</td><td>how many archives and e-mails may enclose a document</td></tr>
 * <tr><td>LARARENA_EXTRACT_MAX_MAILBOX_MESSAGES</td><td>1000</td><td>most messages one mbox may hold</td></tr>
 * <tr><td>LARARENA_EXTRACT_MAX_SPREADSHEET_ROWS</td><td>100000</td><td>most rows one spreadsheet may have</td></tr>
 * <tr><td>LARARENA_EXTRACT_OCR</td><td>true</td><td>whether scanned pages and images are read with Tesseract, when installed</td></tr>
 * <tr><td>LARARENA_INDEX_BATCH_DOCUMENTS</td><td>100</td><td>most documents indexed in one bulk request</td></tr>
 * <tr><td>LARARENA_INDEX_BATCH_PASSAGES</td><td>5000</td><td>most passages in one bulk request</td></tr>
 * <tr><td>LARARENA_INDEX_BATCH_WAIT_MS</td><td>200</td><td>how long a batch waits for more documents after its first</td></tr>
 * <tr><td>LARARENA_INDEX_LARGE_PASSAGES</td><td>2000</td><td>a document of at least this many passages is indexed in a
 * lane of its own, so that smaller documents are not held up behind it</td></tr>
 * <tr><td>LARARENA_WATCH_DIR</td><td>(none)</td><td>a folder whose files are ingested as they land (bulk drops)</td></tr>
 * <tr><td>LARARENA_SEARCH_REQUEST_CACHE</td><td>true</td><td>Elasticsearch keeps each search's hits and facet counts
 *     until the index next changes, so a search asked again is not computed again</td></tr>
 * <tr><td>LARARENA_SEARCH_ANSWER_CACHE_MB</td><td>32</td><td>the application keeps recent search answers
 *     ({@code /api/search}, the Sök page), per search and reader rights, until the index changes; 0 turns it off</td></tr>
 * <tr><td>LARARENA_SEARCH_CHANGE_POLL_MS</td><td>500</td><td>how often the application asks Elasticsearch whether another
 *     process changed the index (its own changes count at once): the longest a kept answer can be out of date</td></tr>
 * <tr><td>LARARENA_ANNOTATION_BATCH_PASSAGES</td><td>400</td><td>most passages annotated and stored per write transaction; a
 *     large document takes turns with other documents in steps of at most this size</td></tr>
 * <tr><td>LARARENA_ANNOTATION_STEP_MS</td><td>1000 (100 with a shared RDF store)</td><td>how long one step of a large
 *     document's annotation may hold the writer of the annotator's suggestions before it commits: the step stops taking
 *     passages at this time (one at least, at most the batch above); with the embedded store only other documents'
 *     annotation waits for it, with a shared store researchers' coding may too</td></tr>
 * <tr><td>LARARENA_SUGGESTER_RETRAIN_AFTER_SECONDS</td><td>60</td><td>the suggester learns again from researchers' decisions
 *     this long after the last of a run of decisions, in the background</td></tr>
 * <tr><td>LARARENA_SUGGESTER_TRAIN_WAIT_SECONDS</td><td>120</td><td>longest an admin's request to train the suggester
 *     waits for the training; after it the request is answered 503 ({@code still_working}) and the training goes on,
 *     its outcome shown by {@code GET /api/suggester}</td></tr>
 * <tr><td>LARARENA_SUGGESTER_MIN_HELD_OUT_PASSAGES</td><td>30</td><td>a model the suggester learned goes into service only when
 *     at least this many decided passages tested it, each by a model that did not learn from it (cross-validation over
 *     every decided passage); below, it is trained but the dictionary's or the earlier model's suggestions stay, and the
 *     training says why</td></tr>
 * <tr><td>LARARENA_SUGGESTER_MARGIN_F1_POINTS</td><td>0</td><td>and only when its F1 on those passages is at least this many
 *     hundredths above the dictionary's alone (0: not lower), with a precision not lower</td></tr>
 * <tr><td>LARARENA_JENA_COMPACT_GROWTH_MB</td><td>1024</td><td>the annotation store's files are compacted once they have grown
 * by this much since the last compaction, at a quiet moment (or at once when the disk has less than twice this left;
 * 0: never)</td></tr>
 * <tr><td>LARARENA_JENA_COMPACT_CHECK_SECONDS</td><td>300</td><td>how often the store's size is looked at</td></tr>
 * <tr><td>LARARENA_BUSY_AFTER_MS</td><td>2000</td><td>longest a request waits for a thread before it is answered 503
 *     (busy) with {@code Retry-After}; a request refused so is never carried out later</td></tr>
 * <tr><td>LARARENA_REQUEST_WORKERS</td><td>8</td><td>threads for requests' blocking work (stores, files), apart from the
 *     pipeline's, so that an ingest cannot take them all</td></tr>
 * <tr><td>LARARENA_SPARQL_TIMEOUT_SECONDS</td><td>10</td><td>longest a {@code /sparql} query may run</td></tr>
 * <tr><td>LARARENA_SPARQL_MAX_ROWS</td><td>10000</td><td>most rows (or triples) one {@code /sparql} answer holds</td></tr>
 * <tr><td>LARARENA_RESTART_MAX_DEATHS</td><td>5</td><td>deaths of a managed server within the window that count as a
 *     crash loop: it is not restarted again</td></tr>
 * <tr><td>LARARENA_RESTART_WINDOW_SECONDS</td><td>600</td><td>the window those deaths are counted in</td></tr>
 * <tr><td>LARARENA_RESTART_BACKOFF_SECONDS</td><td>2</td><td>wait before restarting a managed server that died, doubled
 *     with each further death in the window (at most a minute)</td></tr>
 * <tr><td>LARARENA_BACKUP_ES_REPOSITORY</td><td>(none)</td><td>for an external cluster: the snapshot repository (registered
 *     in the cluster) {@code ./lararena backup} snapshots the index into; without it a backup leaves the index out</td></tr>
 * <tr><td>LARARENA_RETENTION_YEARS</td><td>(none)</td><td>years each document type is kept, e.g. {@code intervju=10,transkript=10},
 *     counted from LARARENA_PROJECT_END (or the document's date, else its upload); due documents are listed for erasure</td></tr>
 * <tr><td>LARARENA_CLUSTER_MEMBERS</td><td>(none: one instance)</td><td>comma list of {@code host:port} of the instances
 *     forming one Vert.x cluster (Hazelcast) that serve one platform; needs LARARENA_SHARED_DIR and a shared RDF store</td></tr>
 * <tr><td>LARARENA_SHARED_DIR</td><td>(none)</td><td>for a cluster: the directory every instance reads and writes (a network
 *     file system), holding the originals and the kept passages</td></tr>
 * <tr><td>LARARENA_CLUSTER_HOST</td><td>127.0.0.1</td><td>the address this instance's cluster member binds and is reached at</td></tr>
 * <tr><td>LARARENA_CLUSTER_PORT</td><td>5701</td><td>this instance's cluster member port</td></tr>
 * <tr><td>LARARENA_CLUSTER_NAME</td><td>lararena</td><td>the cluster's name: members of another name never join it</td></tr>
 * <tr><td>LARARENA_INSTANCES</td><td>1</td><td>application instances {@code ./lararena up} starts on this machine, each a
 *     process of its own on consecutive HTTP and cluster ports, sharing the managed servers (a managed Fuseki among
 *     them); 1 runs the application inside the launcher</td></tr>
 * <tr><td>LARARENA_PROJECT_END</td><td>(none)</td><td>the day the research project ends ({@code YYYY-MM-DD}), from which retention is counted</td></tr>
 * </table>
 */
public record LararenaConfig(
        Path home,
        Path dataDir,
        String httpHost,
        int httpPort,
        URI publicUrl,
        Elasticsearch elasticsearch,
        Keycloak keycloak,
        Rdf rdf,
        Duration startTimeout,
        long minFreeDiskBytes,
        long maxUploadBytes,
        boolean loadDemoData,
        Optional<Path> watchDir,
        Extraction extraction,
        Sparql sparql,
        int maxInsightChars,
        int maxMemoChars,
        int documentPartPassages,
        Indexing indexing,
        Search search,
        Annotation annotation,
        Suggester suggester,
        Requests requests,
        Exchange exchange,
        Supervision supervision,
        Optional<String> backupRepository,
        Retention retention,
        Cluster cluster,
        int instances) {

    /**
     * Instances of Lärarena forming one Vert.x cluster over Hazelcast: {@code members} ({@code host:port}, this
     * instance's own among them or not) are asked to join; none means a single instance, not clustered. The instances of
     * a cluster serve one platform: their records, memos, insights and audit log are in Elasticsearch, their annotations
     * in the shared RDF store, and the originals and kept passages in {@code sharedDir}, which every instance mounts.
     */
    public record Cluster(List<String> members, String host, int port, String name, Optional<Path> sharedDir) {

        public Cluster {
            members = List.copyOf(members);
            Objects.requireNonNull(sharedDir, "sharedDir");
        }

        public boolean enabled() {
            return !members.isEmpty();
        }
    }

    /**
     * How long documents are kept: {@code yearsByType} (document type → years, none for a type kept without end),
     * counted from {@code projectEnd} when set, else from the document's own date, else its upload.
     */
    public record Retention(Map<String, Integer> yearsByType, Optional<LocalDate> projectEnd) {
        public Retention {
            yearsByType = Map.copyOf(yearsByType);
            Objects.requireNonNull(projectEnd, "projectEnd");
        }
    }

    /**
     * How {@code ./lararena up} keeps its managed servers alive: a server that dies is started again after
     * {@code firstBackoff} (doubled with each further death), until {@code maxDeaths} deaths within {@code window}
     * show a crash loop.
     */
    public record Supervision(int maxDeaths, Duration window, Duration firstBackoff) {
    }

    /**
     * The REFI-QDA import: the largest QDPX file accepted, the most it may unpack to, the standard's {@code Project.xsd}
     * every imported project is checked against and its {@code Codebook.xsd} for QDC files (empty: not checked, and
     * the import says so), and the number of codings above which an import runs as a job.
     */
    public record Exchange(long maxImportBytes, long maxUnpackedBytes, Optional<Path> schema, Optional<Path> codebookSchema, int jobCodings) {
        public Exchange {
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(codebookSchema, "codebookSchema");
        }
    }

    /**
     * The annotation store: the most passages annotated and stored per write transaction of the pipeline's annotation
     * step ({@code batchPassages}) and how long such a transaction should hold the writer ({@code step}), and
     * when its files are compacted (every {@code compactCheck}, once they have grown by {@code compactGrowthBytes}
     * since the last compaction; 0 never).
     */
    public record Annotation(int batchPassages, Duration step, long compactGrowthBytes, Duration compactCheck) {
    }

    /**
     * The suggester, which learns from researchers' decisions: how long after the last of a run of decisions it learns
     * from them again ({@code retrainAfter}), how long an admin's request waits for a training ({@code trainWait}), and
     * when a model it learned goes into service: at least {@code minHeldOutPassages} decided passages that tested it,
     * each by a model that did not learn from it, an F1 there at least {@code margin} above the dictionary's alone and a
     * precision not lower.
     */
    public record Suggester(Duration retrainAfter, Duration trainWait, int minHeldOutPassages, double margin) {
    }

    /**
     * How requests' blocking work runs: on a pool of {@code workers} threads of its own, refused as busy (503) when it
     * has not started within {@code busyAfter}, and reported as a blocked thread once it has run for
     * {@code longestWork}.
     */
    public record Requests(Duration busyAfter, int workers, Duration longestWork) {

        /** Vert.x's own limit for worker threads ({@code VertxOptions.DEFAULT_MAX_WORKER_EXECUTE_TIME}). */
        public static final Duration WORKER_LIMIT = Duration.ofSeconds(60);
        /** How long past its timeout a SPARQL query may take to notice it was stopped and let go of its thread. */
        static final Duration SPARQL_STOP_MARGIN = Duration.ofSeconds(10);

        /**
         * The longest work of a request: Vert.x's limit, or a SPARQL query's, which runs on this pool up to its timeout
         * (up to 600 s) and then needs a moment to stop, if that is longer. Below it, a query running within its own
         * limit was reported as a blocked thread every second.
         */
        static Duration longestWork(Sparql sparql) {
            Duration query = sparql.timeout().plus(SPARQL_STOP_MARGIN);
            return query.compareTo(WORKER_LIMIT) > 0 ? query : WORKER_LIMIT;
        }
    }

    /**
     * How searches run. {@code requestCache}: Elasticsearch's shard request cache keeps every search's hits and facet
     * counts until the index next changes (a refresh: new documents, a review), so the same search asked again (paging
     * back, a facet unticked, a shared link, the pages everyone opens) is not computed again. {@code answerCacheBytes}:
     * the application keeps that many bytes of whole answers, so a search asked again does not even reach Elasticsearch
     * (0: none); {@code changePoll}: how often it asks whether another process changed the index.
     */
    public record Search(boolean requestCache, long answerCacheBytes, Duration changePoll) {
    }

    /**
     * How much indexing gathers into one bulk request (and one refresh): documents, passages, and the longest wait;
     * and from how many passages on a document is indexed in a lane of its own ({@code largePassages}).
     */
    public record Indexing(int batchDocuments, int batchPassages, Duration batchWait, int largePassages) {
    }

    /** Limits of the read-only SPARQL endpoint: how long one query may run and how many rows or triples it returns. */
    public record Sparql(Duration timeout, int maxRows) {
    }

    /**
     * Limits and pool settings of document extraction. Every parse runs under all of these limits, in isolated worker
     * JVMs; {@link #defaults()} gives the values of the keys above, which suit reports, transcripts and slide decks on
     * a small server.
     *
     * @param timePerFile           the longest one file may take to parse; the worker is killed after it (default 60 s)
     * @param workerHeapMegabytes   the maximum heap ({@code -Xmx}) of each worker JVM; a file that needs more fails
     *                              alone (default 512)
     * @param maxOutputCharacters   the most text one file may yield (default 20 000 000 characters)
     * @param maxPackageDepth       how deeply archives and attachments may nest inside a file (an e-mail with a
     *                              zip inside a zip is depth 2) before the file is refused (default 5)
     * @param maxCompressionRatio   how many characters of output per byte of compressed input are believed
     *                              once output passes {@code zipBombThresholdCharacters}; beyond it the file is
     *                              refused as a zip bomb (Tika's {@code SecureContentHandler}, default 100)
     * @param zipBombThresholdCharacters output below this size is never called a zip bomb (default 1 000 000)
     * @param maxXmlDepth           the deepest XML element nesting accepted (default 100)
     * @param workers               how many worker JVMs may parse at the same time (default 2, so that one large
     *                              file does not hold up the others)
     * @param filesPerWorker        a worker is replaced by a fresh one after this many files, so that leaks in
     *                              parsers cannot build up (default 2000: a fresh worker costs a JVM start and a cold
     *                              JIT, which at 200 made extraction twice as slow as a warm worker)
     * @param ocr                   whether scanned pages and images are read with Tesseract's Swedish model
     *                              when {@code tesseract} and its {@code swe} data are installed (default true)
     * @param containers            how many files an archive, messages a mailbox and rows a spreadsheet may hold
     */
    public record Extraction(Duration timePerFile, int workerHeapMegabytes, int maxOutputCharacters,
            int maxPackageDepth, long maxCompressionRatio, long zipBombThresholdCharacters, int maxXmlDepth,
            int workers, int filesPerWorker, boolean ocr, ContainerLimits containers) {

        /**
         * Limits of files that hold many parts. Each part of an archive or mailbox becomes a document of its own.
         *
         * @param maxArchiveFiles    the most documents one archive may hold, nested archives' included (default 1000)
         * @param maxArchiveBytes    the most an archive may unpack to, nested archives' included (default 1 000 MB); the
         *                           expansion budget ({@code maxCompressionRatio} times the archive's size) applies as well
         * @param maxArchiveDepth    how many archives and e-mails may enclose a document inside one file: a document in a
         *                           zip in a zip is at 2, as is one in a zip attached to an e-mail (default 2)
         * @param maxMailboxMessages the most messages one mbox may hold (default 1000)
         * @param maxSpreadsheetRows the most rows one spreadsheet may have, all sheets together (default 100 000)
         */
        public record ContainerLimits(int maxArchiveFiles, long maxArchiveBytes, int maxArchiveDepth, int maxMailboxMessages,
                int maxSpreadsheetRows) {

            public ContainerLimits {
                requirePositive(maxArchiveFiles, "maxArchiveFiles");
                requirePositive(maxArchiveBytes, "maxArchiveBytes");
                requirePositive(maxArchiveDepth, "maxArchiveDepth");
                requirePositive(maxMailboxMessages, "maxMailboxMessages");
                requirePositive(maxSpreadsheetRows, "maxSpreadsheetRows");
            }
        }

        public Extraction {
            Objects.requireNonNull(timePerFile);
            requirePositive(timePerFile.toMillis(), "timePerFile");
            requirePositive(workerHeapMegabytes, "workerHeapMegabytes");
            requirePositive(maxOutputCharacters, "maxOutputCharacters");
            requirePositive(maxPackageDepth, "maxPackageDepth");
            requirePositive(maxCompressionRatio, "maxCompressionRatio");
            requirePositive(zipBombThresholdCharacters, "zipBombThresholdCharacters");
            requirePositive(maxXmlDepth, "maxXmlDepth");
            requirePositive(workers, "workers");
            requirePositive(filesPerWorker, "filesPerWorker");
            Objects.requireNonNull(containers);
        }

        /**
         * 60 s per file, 512 MB heap per worker, 20 M characters, 5 levels of nesting, two workers each replaced after
         * 2000 files, OCR when installed: the defaults of the keys above.
         */
        public static Extraction defaults() {
            return extraction(new Reader(Map.of()));
        }

        private static void requirePositive(long value, String name) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
        }
    }

    /**
     * Where Elasticsearch is, and how the passage index is laid out on it.
     *
     * @param managed local nodes this platform starts on {@code port} and up; otherwise the external cluster at {@code urls}
     * @param analysisFiles the files generated from the ontology ({@code config/lararena/decompound.txt} and
     *     {@code synonyms.txt}) are installed on every node, so the passage index may name them
     * @param shards primary shards of a new passage index (fixed once it is made: a change applies from the next reindex)
     * @param replicas copies of each shard on other nodes (changed on the live index at the next start)
     * @param facetUpdateLimit how long an update of search facets after coding or a re-annotation waits for a connection
     *     or an answer before it fails and is tried again (the facet follower after a pause, a re-annotation at the next
     *     start); other requests wait as long as Elasticsearch takes
     */
    public record Elasticsearch(boolean managed, int port, List<URI> urls, int heapMb, String indexPrefix, Optional<String> apiKey,
                                boolean analysisFiles, int shards, int replicas, Duration facetUpdateLimit) {
        public Elasticsearch {
            urls = List.copyOf(urls);
        }

        /** How many nodes: the managed cluster's ({@code LARARENA_ES_NODES}, one address each), or the external cluster's addresses. */
        public int nodes() {
            return urls.size();
        }
    }

    /**
     * Where the annotation store's quads live: the embedded TDB2 in the data directory ({@code url} empty, the default),
     * or a remote SPARQL 1.1 store (Fuseki with TDB2) at {@code url}, the one several application instances share.
     *
     * @param managed a Fuseki this platform starts on loopback {@code port}, its TDB2 in the data directory
     * @param url the SPARQL dataset's address (query and update under it); empty for the embedded store
     */
    public record Rdf(boolean managed, int port, int heapMb, Optional<URI> url, OptionalInt nodeCache) {

        /** The name of the dataset a managed Fuseki serves. */
        public static final String DATASET = "lararena";

        /**
         * Heap given to each node the node caches may hold, when their size is not set: a node held in both caches
         * costs about 170 bytes (docs/benchmarks.md, "Node caches at a million annotations"), so one store's full
         * caches take about a sixth of the heap.
         */
        public static final long HEAP_BYTES_PER_CACHED_NODE = 1000;

        /** Jena's own size of the larger cache (ids to nodes), the least the caches are given. */
        public static final int JENA_NODE_CACHE = 1_000_000;

        public Rdf {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(nodeCache, "nodeCache");
        }

        /**
         * How many nodes each of TDB2's node caches holds in a JVM whose heap is at most {@code maxHeapBytes}: the
         * configured number, else one for every {@link #HEAP_BYTES_PER_CACHED_NODE} bytes of heap and at least
         * {@link #JENA_NODE_CACHE}. A query over every annotation reads each annotation's node and its target's; once
         * they no longer fit, every run reads them from the node table's file again, and the query grows faster than
         * the corpus.
         */
        public int nodeCacheNodes(long maxHeapBytes) {
            return nodeCache.orElseGet(() -> (int) Math.min(Integer.MAX_VALUE, Math.max(JENA_NODE_CACHE, maxHeapBytes / HEAP_BYTES_PER_CACHED_NODE)));
        }

        /** {@link #nodeCacheNodes(long)} of this JVM's heap: what the embedded store of an application in this process caches. */
        public int nodeCacheNodesInThisJvm() {
            return nodeCacheNodes(Runtime.getRuntime().maxMemory());
        }

        /** The SPARQL dataset of the managed Fuseki on {@code port}: query at {@code /query}, update at {@code /update} below it. */
        public static URI managedUrl(int port) {
            return URI.create("http://" + LOOPBACK + ":" + port + "/" + DATASET);
        }

        /** Whether annotations live in the embedded TDB2 of this instance's data directory. */
        public boolean embedded() {
            return url.isEmpty();
        }
    }

    /** Where Keycloak is, and the realm and clients the platform uses in it. */
    public record Keycloak(boolean managed, int port, URI url, String realm, String audience,
                           String webClientId, String webClientSecret, String cliClientId) {

        /** The realm's issuer, e.g. {@code http://127.0.0.1:8180/realms/lararena}. */
        public URI issuer() {
            return URI.create(url.toString().replaceAll("/+$", "") + "/realms/" + realm);
        }
    }

    public LararenaConfig {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(elasticsearch, "elasticsearch");
        Objects.requireNonNull(keycloak, "keycloak");
        Objects.requireNonNull(rdf, "rdf");
        Objects.requireNonNull(supervision, "supervision");
        Objects.requireNonNull(backupRepository, "backupRepository");
    }

    /** Most application instances one {@code ./lararena up} starts on one machine. */
    public static final int MAX_INSTANCES = 16;

    /** The managed servers' loopback address; they never listen elsewhere. */
    public static final String LOOPBACK = "127.0.0.1";

    /** The development realm's secret of the web client: the dev realm is not for production. */
    public static final String DEV_WEB_CLIENT_SECRET = "lararena-dev-secret";

    public static LararenaConfig fromEnvironment() {
        return fromMap(System.getenv());
    }

    /** Parses the keys above from {@code env}; missing keys take their defaults. */
    public static LararenaConfig fromMap(Map<String, String> env) {
        Reader r = new Reader(env);
        Path home = r.path("LARARENA_HOME", Path.of("").toAbsolutePath());
        Path dataDir = r.path("LARARENA_DATA_DIR", home.resolve("data"));
        String httpHost = r.string("LARARENA_HTTP_HOST", LOOPBACK);
        int httpPort = r.port("LARARENA_HTTP_PORT", 8080);
        URI publicUrl = r.httpUrl("LARARENA_PUBLIC_URL").orElse(URI.create("http://" + hostForUrl(httpHost) + ":" + httpPort));

        int esPort = r.port("LARARENA_ES_PORT", 9200);
        int esNodes = r.integer("LARARENA_ES_NODES", 1, 1, 9);
        List<URI> esUrls = r.httpUrls("LARARENA_ES_URLS");
        boolean esManaged = esUrls.isEmpty();
        if (esManaged) {
            List<URI> managedNodes = new ArrayList<>();
            for (int node = 0; node < esNodes; node++) {
                managedNodes.add(URI.create("http://" + LOOPBACK + ":" + (esPort + node)));
            }
            esUrls = managedNodes;
        }
        String indexPrefix = r.string("LARARENA_INDEX_PREFIX", "lararena");
        if (!indexPrefix.matches("[a-z0-9][a-z0-9_-]{0,40}")) {
            throw new ConfigurationException("LARARENA_INDEX_PREFIX must be lower-case letters, digits, '-' or '_' (got '" + indexPrefix + "')");
        }
        var es = new Elasticsearch(esManaged, esPort, esUrls, r.integer("LARARENA_ES_HEAP_MB", 768, 256, 65536), indexPrefix,
                r.raw("LARARENA_ES_API_KEY"), r.bool("LARARENA_ES_ANALYSIS_FILES", esManaged),
                // A lone managed node could never place a replica; a cluster keeps one, so losing a node loses nothing.
                r.integer("LARARENA_ES_SHARDS", 1, 1, 1024), r.integer("LARARENA_ES_REPLICAS", esManaged && esNodes == 1 ? 0 : 1, 0, 16),
                Duration.ofSeconds(r.integer("LARARENA_ES_FACET_UPDATE_SECONDS", 60, 1, 3600)));

        int kcPort = r.port("LARARENA_KEYCLOAK_PORT", 8180);
        Optional<URI> kcUrl = r.httpUrl("LARARENA_KEYCLOAK_URL");
        var kc = new Keycloak(kcUrl.isEmpty(), kcPort, kcUrl.orElse(URI.create("http://" + LOOPBACK + ":" + kcPort)),
                r.string("LARARENA_KEYCLOAK_REALM", "lararena"),
                r.string("LARARENA_OIDC_AUDIENCE", "lararena"),
                r.string("LARARENA_WEB_CLIENT_ID", "lararena-web"),
                r.string("LARARENA_WEB_CLIENT_SECRET", DEV_WEB_CLIENT_SECRET),
                r.string("LARARENA_CLI_CLIENT_ID", "lararena-cli"));

        int instances = r.integer("LARARENA_INSTANCES", 1, 1, MAX_INSTANCES);
        Rdf rdf = rdf(r, instances);
        Sparql sparql = new Sparql(Duration.ofSeconds(r.integer("LARARENA_SPARQL_TIMEOUT_SECONDS", 10, 1, 600)),
                r.integer("LARARENA_SPARQL_MAX_ROWS", 10_000, 1, 1_000_000));
        return new LararenaConfig(home, dataDir, httpHost, httpPort, publicUrl, es, kc, rdf,
                Duration.ofSeconds(r.integer("LARARENA_START_TIMEOUT_SECONDS", 240, 10, 3600)),
                r.integer("LARARENA_MIN_FREE_DISK_MB", 1024, 0, Integer.MAX_VALUE) * 1024L * 1024L,
                r.integer("LARARENA_MAX_UPLOAD_MB", 200, 1, 1_000_000) * 1024L * 1024L,
                r.bool("LARARENA_DEMO_DATA", true),
                r.raw("LARARENA_WATCH_DIR").map(v -> Path.of(v).toAbsolutePath().normalize()),
                extraction(r),
                sparql,
                r.integer("LARARENA_MAX_INSIGHT_CHARS", 10_000, 100, 1_000_000),
                r.integer("LARARENA_MAX_MEMO_CHARS", 10_000, 100, 1_000_000),
                r.integer("LARARENA_DOCUMENT_PART_PASSAGES", 500, 10, 100_000),
                new Indexing(r.integer("LARARENA_INDEX_BATCH_DOCUMENTS", 100, 1, 10_000),
                        r.integer("LARARENA_INDEX_BATCH_PASSAGES", 5_000, 1, 100_000),
                        Duration.ofMillis(r.integer("LARARENA_INDEX_BATCH_WAIT_MS", 200, 0, 60_000)),
                        r.integer("LARARENA_INDEX_LARGE_PASSAGES", 2_000, 1, 10_000_000)),
                new Search(r.bool("LARARENA_SEARCH_REQUEST_CACHE", true),
                        r.integer("LARARENA_SEARCH_ANSWER_CACHE_MB", 32, 0, 4096) * 1024L * 1024L,
                        Duration.ofMillis(r.integer("LARARENA_SEARCH_CHANGE_POLL_MS", 500, 50, 60_000))),
                new Annotation(r.integer("LARARENA_ANNOTATION_BATCH_PASSAGES", 400, 1, 10_000),
                        // The embedded store's runs write a dataset of their own, whose writer only other runs wait for;
                        // a shared store has one for everything, and a long step there loses races to researchers' writes.
                        Duration.ofMillis(r.integer("LARARENA_ANNOTATION_STEP_MS", rdf.url().isEmpty() ? 1_000 : 100, 1, 600_000)),
                        r.integer("LARARENA_JENA_COMPACT_GROWTH_MB", 1024, 0, 10_000_000) * 1024L * 1024L,
                        Duration.ofSeconds(r.integer("LARARENA_JENA_COMPACT_CHECK_SECONDS", 300, 10, 86_400))),
                new Suggester(Duration.ofSeconds(r.integer("LARARENA_SUGGESTER_RETRAIN_AFTER_SECONDS", 60, 1, 86_400)),
                        Duration.ofSeconds(r.integer("LARARENA_SUGGESTER_TRAIN_WAIT_SECONDS", 120, 1, 3_600)),
                        r.integer("LARARENA_SUGGESTER_MIN_HELD_OUT_PASSAGES", 30, 1, 1_000_000),
                        r.integer("LARARENA_SUGGESTER_MARGIN_F1_POINTS", 0, 0, 100) / 100.0),
                new Requests(Duration.ofMillis(r.integer("LARARENA_BUSY_AFTER_MS", 2_000, 50, 600_000)),
                        r.integer("LARARENA_REQUEST_WORKERS", 8, 1, 256), Requests.longestWork(sparql)),
                new Exchange(r.integer("LARARENA_MAX_IMPORT_MB", 200, 1, 1_000_000) * 1024L * 1024L,
                        r.integer("LARARENA_MAX_IMPORT_UNPACKED_MB", 1000, 1, 1_000_000) * 1024L * 1024L,
                        r.readableFile("LARARENA_QDPX_SCHEMA"), r.readableFile("LARARENA_QDC_SCHEMA"),
                        r.integer("LARARENA_IMPORT_JOB_CODINGS", 5000, 1, 100_000_000)),
                new Supervision(r.integer("LARARENA_RESTART_MAX_DEATHS", 5, 1, 1000),
                        Duration.ofSeconds(r.integer("LARARENA_RESTART_WINDOW_SECONDS", 600, 1, 86_400)),
                        Duration.ofSeconds(r.integer("LARARENA_RESTART_BACKOFF_SECONDS", 2, 0, 600))),
                r.raw("LARARENA_BACKUP_ES_REPOSITORY"),
                new Retention(retentionYears(r.raw("LARARENA_RETENTION_YEARS")), projectEnd(r.raw("LARARENA_PROJECT_END"))),
                cluster(r, rdf),
                instances);
    }

    /** The cluster's keys; a cluster without a shared directory or a shared RDF store would split one platform in N. */
    private static Cluster cluster(Reader r, Rdf rdf) {
        Cluster cluster = new Cluster(r.hostPorts("LARARENA_CLUSTER_MEMBERS"), r.string("LARARENA_CLUSTER_HOST", LOOPBACK),
                r.port("LARARENA_CLUSTER_PORT", 5701), r.string("LARARENA_CLUSTER_NAME", "lararena"),
                r.raw("LARARENA_SHARED_DIR").map(v -> Path.of(v).toAbsolutePath().normalize()));
        if (cluster.enabled() && cluster.sharedDir().isEmpty()) {
            throw new ConfigurationException("LARARENA_CLUSTER_MEMBERS makes this instance one of several serving one platform: set"
                    + " LARARENA_SHARED_DIR to the directory every instance shares (it holds the originals and the kept passages)");
        }
        if (cluster.enabled() && rdf.url().isEmpty()) {
            throw new ConfigurationException("LARARENA_CLUSTER_MEMBERS makes this instance one of several serving one platform: the"
                    + " annotations must be in the RDF store they share, so set LARARENA_RDF=fuseki or LARARENA_RDF_URL");
        }
        return cluster;
    }

    /** Where annotations live: LARARENA_RDF, LARARENA_RDF_URL and the managed Fuseki's keys. */
    private static Rdf rdf(Reader r, int instances) {
        Optional<URI> url = r.httpUrl("LARARENA_RDF_URL");
        // Several instances of one machine share a Fuseki: the embedded TDB2 opens in one process only.
        String kind = r.string("LARARENA_RDF", url.isPresent() || instances > 1 ? "fuseki" : "embedded").toLowerCase(Locale.ROOT);
        if (!kind.equals("embedded") && !kind.equals("fuseki")) {
            throw new ConfigurationException("LARARENA_RDF must be 'embedded' (TDB2 in the data directory) or 'fuseki' (got '" + kind + "')");
        }
        if (kind.equals("embedded") && instances > 1) {
            throw new ConfigurationException("LARARENA_INSTANCES=" + instances + " needs the shared RDF store, but LARARENA_RDF is 'embedded'"
                    + " (its TDB2 opens in one process only): unset LARARENA_RDF, or set it to 'fuseki'");
        }
        if (kind.equals("embedded") && url.isPresent()) {
            throw new ConfigurationException("LARARENA_RDF_URL names a remote RDF store but LARARENA_RDF is 'embedded': unset one of them");
        }
        int port = r.port("LARARENA_FUSEKI_PORT", 3030);
        boolean managed = kind.equals("fuseki") && url.isEmpty();
        OptionalInt nodeCache = r.raw("LARARENA_JENA_NODE_CACHE").isEmpty() ? OptionalInt.empty()
                : OptionalInt.of(r.integer("LARARENA_JENA_NODE_CACHE", Rdf.JENA_NODE_CACHE, 10_000, 500_000_000));
        return new Rdf(managed, port, r.integer("LARARENA_FUSEKI_HEAP_MB", 1024, 128, 65536),
                managed ? Optional.of(Rdf.managedUrl(port)) : url, nodeCache);
    }

    /** The extraction keys; what they leave out (XML depth, zip-bomb threshold, worker replacement) is fixed. */
    private static Extraction extraction(Reader r) {
        return new Extraction(Duration.ofSeconds(r.integer("LARARENA_EXTRACT_TIMEOUT_SECONDS", 60, 1, 3600)),
                r.integer("LARARENA_EXTRACT_HEAP_MB", 512, 64, 65536),
                r.integer("LARARENA_EXTRACT_MAX_OUTPUT_CHARS", 20_000_000, 1000, Integer.MAX_VALUE),
                r.integer("LARARENA_EXTRACT_MAX_NESTING", 5, 1, 100),
                r.integer("LARARENA_EXTRACT_MAX_ZIP_RATIO", 100, 1, 1_000_000),
                1_000_000, 100,
                r.integer("LARARENA_EXTRACT_WORKERS", 2, 1, 64),
                2000, r.bool("LARARENA_EXTRACT_OCR", true),
                new Extraction.ContainerLimits(r.integer("LARARENA_EXTRACT_MAX_ARCHIVE_FILES", 1000, 1, 1_000_000),
                        r.integer("LARARENA_EXTRACT_MAX_ARCHIVE_MB", 1000, 1, 1_000_000) * 1024L * 1024L,
                        r.integer("LARARENA_EXTRACT_MAX_ARCHIVE_DEPTH", 2, 1, 20),
                        r.integer("LARARENA_EXTRACT_MAX_MAILBOX_MESSAGES", 1000, 1, 1_000_000),
                        r.integer("LARARENA_EXTRACT_MAX_SPREADSHEET_ROWS", 100_000, 1, 100_000_000)));
    }

    /** {@code intervju=10,transkript=10}: a document type (as the ontology names them) and whole years, 1–200. */
    private static Map<String, Integer> retentionYears(Optional<String> value) {
        Map<String, Integer> years = new LinkedHashMap<>();
        for (String entry : value.map(v -> v.split(",")).orElse(new String[0])) {
            String[] typeAndYears = entry.strip().split("=", -1);
            if (typeAndYears.length != 2 || !typeAndYears[0].strip().matches("[a-zåäö-]+") || !typeAndYears[1].strip().matches("\\d{1,3}")
                    || Integer.parseInt(typeAndYears[1].strip()) < 1 || Integer.parseInt(typeAndYears[1].strip()) > 200) {
                throw new ConfigurationException("LARARENA_RETENTION_YEARS must be type=years pairs separated by commas, years 1–200"
                        + " (e.g. intervju=10,transkript=10); '" + entry.strip() + "' is not");
            }
            years.put(typeAndYears[0].strip(), Integer.parseInt(typeAndYears[1].strip()));
        }
        return years;
    }

    private static Optional<LocalDate> projectEnd(Optional<String> value) {
        try {
            return value.map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            throw new ConfigurationException("LARARENA_PROJECT_END must be a date as YYYY-MM-DD (got '" + value.get() + "')", e);
        }
    }

    /**
     * Checks that the data directory exists or can be made, and is writable. Separate from parsing so that
     * {@code status} and {@code down} work even where the platform could not start.
     */
    public void requireWritableDataDir() {
        try {
            Files.createDirectories(dataDir);
            Path probe = Files.createTempFile(dataDir, ".write-probe", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new ConfigurationException("LARARENA_DATA_DIR " + dataDir + " is not writable (" + e.getMessage()
                    + "): choose a directory you can write to", e);
        }
    }

    /** The directory holding one part's state, e.g. {@code dataPath("elasticsearch")}. */
    public Path dataPath(String part) {
        return dataDir.resolve(part);
    }

    /** How {@code host} is written in an address: a wildcard bind is reached on loopback, an IPv6 address in brackets. */
    public static String hostForUrl(String host) {
        return "0.0.0.0".equals(host) ? LOOPBACK : host.contains(":") ? "[" + host + "]" : host;
    }

    /** Reads keys one by one so every error names its key. */
    private record Reader(Map<String, String> env) {

        Optional<String> raw(String key) {
            String value = env.get(key);
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
        }

        String string(String key, String fallback) {
            return raw(key).orElse(fallback);
        }

        Path path(String key, Path fallback) {
            return raw(key).map(v -> Path.of(v).toAbsolutePath().normalize()).orElse(fallback);
        }

        /** A file that must exist and be readable when the key is set: a wrong path fails at start, not at first use. */
        Optional<Path> readableFile(String key) {
            Optional<Path> file = raw(key).map(v -> Path.of(v).toAbsolutePath().normalize());
            if (file.isPresent() && !(Files.isRegularFile(file.get()) && Files.isReadable(file.get()))) {
                throw new ConfigurationException(key + " names " + file.get() + ", which is not a readable file");
            }
            return file;
        }

        int integer(String key, int fallback, int min, int max) {
            Optional<String> value = raw(key);
            if (value.isEmpty()) {
                return fallback;
            }
            try {
                int parsed = Integer.parseInt(value.get());
                if (parsed < min || parsed > max) {
                    throw new ConfigurationException(key + " must be between " + min + " and " + max + " (got " + parsed + ")");
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw new ConfigurationException(key + " must be a whole number (got '" + value.get() + "')");
            }
        }

        int port(String key, int fallback) {
            return integer(key, fallback, 1, 65535);
        }

        boolean bool(String key, boolean fallback) {
            return raw(key).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1", "on" -> true;
                case "false", "no", "0", "off" -> false;
                default -> throw new ConfigurationException(key + " must be true or false (got '" + v + "')");
            }).orElse(fallback);
        }

        Optional<URI> httpUrl(String key) {
            return raw(key).map(v -> parseHttpUrl(key, v));
        }

        List<URI> httpUrls(String key) {
            List<URI> urls = new ArrayList<>();
            raw(key).ifPresent(v -> {
                for (String part : v.split(",")) {
                    if (!part.isBlank()) {
                        urls.add(parseHttpUrl(key, part.trim()));
                    }
                }
            });
            return urls;
        }

        /** A comma list of {@code host:port}, e.g. {@code 10.0.0.5:5701,10.0.0.6:5701}; each port 1–65535. */
        List<String> hostPorts(String key) {
            List<String> members = new ArrayList<>();
            for (String part : raw(key).map(v -> v.split(",")).orElse(new String[0])) {
                String member = part.strip();
                if (member.isEmpty()) {
                    continue;
                }
                int colon = member.lastIndexOf(':');
                String port = colon < 1 ? "" : member.substring(colon + 1);
                if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
                    throw new ConfigurationException(key + " must be host:port pairs separated by commas, e.g. 127.0.0.1:5701,127.0.0.1:5702"
                            + " ('" + member + "' is not)");
                }
                members.add(member);
            }
            return List.copyOf(members);
        }

        private static URI parseHttpUrl(String key, String value) {
            try {
                URI uri = new URI(value);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new ConfigurationException(key + " must be an http(s) address such as http://host:port (got '" + value + "')");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new ConfigurationException(key + " is not a valid address: '" + value + "' (" + e.getReason() + ")", e);
            }
        }
    }
}
