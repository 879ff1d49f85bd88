package org.lararena.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LararenaConfigTest {

    @Test
    void defaultsRunEverythingLocally() {
        LararenaConfig config = LararenaConfig.fromMap(Map.of("LARARENA_HOME", "/srv/lararena"));

        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.dataDir()).isEqualTo(Path.of("/srv/lararena/data"));
        assertThat(config.elasticsearch().managed()).isTrue();
        assertThat(config.elasticsearch().urls()).containsExactly(URI.create("http://127.0.0.1:9200"));
        assertThat(config.keycloak().managed()).isTrue();
        assertThat(config.keycloak().issuer()).isEqualTo(URI.create("http://127.0.0.1:8180/realms/lararena"));
        assertThat(config.maxUploadBytes()).isEqualTo(200L * 1024 * 1024);
        assertThat(config.publicUrl()).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(config.extraction().timePerFile()).hasSeconds(60);
        assertThat(config.extraction().workers()).as("two, so one large file does not hold up the rest").isEqualTo(2);
        assertThat(config.sparql().timeout()).hasSeconds(10);
        assertThat(config.sparql().maxRows()).isEqualTo(10_000);
        assertThat(config.maxInsightChars()).isEqualTo(10_000);
        assertThat(LararenaConfig.fromMap(Map.of("LARARENA_MAX_INSIGHT_CHARS", "2000")).maxInsightChars()).isEqualTo(2000);
        assertThat(config.maxMemoChars()).isEqualTo(10_000);
        assertThat(LararenaConfig.fromMap(Map.of("LARARENA_MAX_MEMO_CHARS", "2500")).maxMemoChars()).isEqualTo(2500);
        assertThat(config.documentPartPassages()).isEqualTo(500);
        assertThat(LararenaConfig.fromMap(Map.of("LARARENA_DOCUMENT_PART_PASSAGES", "200")).documentPartPassages()).isEqualTo(200);
        assertThat(config.extraction().maxOutputCharacters()).isEqualTo(20_000_000);
        assertThat(config.extraction().maxPackageDepth()).isEqualTo(5);
        assertThat(config.extraction().maxCompressionRatio()).isEqualTo(100);
        assertThat(config.annotation().batchPassages()).isEqualTo(400);
        assertThat(config.annotation().step()).as("the embedded store: only other documents' runs wait for a run's step").hasSeconds(1);
        assertThat(LararenaConfig.fromMap(Map.of("LARARENA_RDF", "fuseki")).annotation().step())
                .as("a shared store: researchers' writes may race a run's step").hasMillis(100);
        assertThat(LararenaConfig.fromMap(Map.of("LARARENA_ANNOTATION_STEP_MS", "250")).annotation().step()).hasMillis(250);
        assertThat(config.requests().busyAfter()).hasSeconds(2);
        assertThat(config.requests().workers()).isEqualTo(8);
        assertThat(config.exchange().maxImportBytes()).isEqualTo(200L * 1024 * 1024);
        assertThat(config.exchange().maxUnpackedBytes()).isEqualTo(1000L * 1024 * 1024);
        assertThat(LararenaConfig.fromMap(Map.of("LARARENA_MAX_IMPORT_MB", "5")).exchange().maxImportBytes()).isEqualTo(5L * 1024 * 1024);
        assertThat(config.exchange().schema()).as("no REFI-QDA schema unless one is configured").isEmpty();
        assertThat(config.exchange().codebookSchema()).as("no REFI-QDA codebook schema unless one is configured").isEmpty();
        assertThat(config.exchange().jobCodings()).isEqualTo(5000);
        assertThat(LararenaConfig.fromMap(Map.of("LARARENA_IMPORT_JOB_CODINGS", "20")).exchange().jobCodings()).isEqualTo(20);
        assertThat(config.supervision()).isEqualTo(new LararenaConfig.Supervision(5, Duration.ofMinutes(10), Duration.ofSeconds(2)));
        assertThat(LararenaConfig.fromMap(Map.of("LARARENA_RESTART_MAX_DEATHS", "2", "LARARENA_RESTART_WINDOW_SECONDS", "60",
                "LARARENA_RESTART_BACKOFF_SECONDS", "0")).supervision())
                .isEqualTo(new LararenaConfig.Supervision(2, Duration.ofMinutes(1), Duration.ZERO));
    }

    @Test
    void theRefiQdaSchemaIsAFileThatMustExist(@TempDir Path dir) throws Exception {
        Path schema = Files.writeString(dir.resolve("Project.xsd"), "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"/>");

        assertThat(LararenaConfig.fromMap(Map.of("LARARENA_QDPX_SCHEMA", schema.toString())).exchange().schema()).contains(schema);
        assertThatThrownBy(() -> LararenaConfig.fromMap(Map.of("LARARENA_QDPX_SCHEMA", dir.resolve("saknas.xsd").toString())))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("LARARENA_QDPX_SCHEMA").hasMessageContaining("saknas.xsd");
        assertThatThrownBy(() -> LararenaConfig.fromMap(Map.of("LARARENA_QDPX_SCHEMA", dir.toString())))
                .as("a directory").isInstanceOf(ConfigurationException.class).hasMessageContaining("LARARENA_QDPX_SCHEMA");
        assertThat(LararenaConfig.fromMap(Map.of("LARARENA_QDC_SCHEMA", schema.toString())).exchange().codebookSchema()).contains(schema);
        assertThatThrownBy(() -> LararenaConfig.fromMap(Map.of("LARARENA_QDC_SCHEMA", dir.resolve("saknas.xsd").toString())))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("LARARENA_QDC_SCHEMA");
    }

    @Test
    void theSuggestersCheckBeforeServiceAndTrainingWaitHaveDefaultsAndAreReadFromTheirVariables() {
        LararenaConfig.Suggester defaults = LararenaConfig.fromMap(Map.of()).suggester();
        LararenaConfig.Suggester set = LararenaConfig.fromMap(Map.of("LARARENA_SUGGESTER_MIN_HELD_OUT_PASSAGES", "12",
                "LARARENA_SUGGESTER_MARGIN_F1_POINTS", "5", "LARARENA_SUGGESTER_TRAIN_WAIT_SECONDS", "600")).suggester();

        assertThat(defaults.trainWait()).hasSeconds(120);
        assertThat(set.trainWait()).hasSeconds(600);
        assertThatThrownBy(() -> LararenaConfig.fromMap(Map.of("LARARENA_SUGGESTER_TRAIN_WAIT_SECONDS", "0")))
                .hasMessageContaining("LARARENA_SUGGESTER_TRAIN_WAIT_SECONDS");

        assertThat(defaults.minHeldOutPassages()).isEqualTo(30);
        assertThat(defaults.margin()).as("not lower than the dictionary's F1").isZero();
        assertThat(set.minHeldOutPassages()).isEqualTo(12);
        assertThat(set.margin()).isEqualTo(0.05);
        assertThatThrownBy(() -> LararenaConfig.fromMap(Map.of("LARARENA_SUGGESTER_MIN_HELD_OUT_PASSAGES", "0")))
                .hasMessageContaining("LARARENA_SUGGESTER_MIN_HELD_OUT_PASSAGES");
        assertThatThrownBy(() -> LararenaConfig.fromMap(Map.of("LARARENA_SUGGESTER_MARGIN_F1_POINTS", "0.02")))
                .as("hundredths, a whole number").hasMessageContaining("LARARENA_SUGGESTER_MARGIN_F1_POINTS");
    }

    @Test
    void howRequestsAndTheAnnotationStepShareTheMachineIsReadFromTheirVariables() {
        LararenaConfig config = LararenaConfig.fromMap(Map.of("LARARENA_BUSY_AFTER_MS", "750", "LARARENA_REQUEST_WORKERS", "3",
                "LARARENA_ANNOTATION_BATCH_PASSAGES", "40"));

        assertThat(config.requests().busyAfter()).hasMillis(750);
        assertThat(config.requests().workers()).isEqualTo(3);
        assertThat(config.requests().longestWork()).as("Vert.x's limit, longer than a query of the default SPARQL timeout").hasSeconds(60);
        assertThat(LararenaConfig.fromMap(Map.of("LARARENA_SPARQL_TIMEOUT_SECONDS", "300")).requests().longestWork())
                .as("a SPARQL query's timeout and the time it takes to stop").hasSeconds(310);
        assertThat(config.annotation().batchPassages()).isEqualTo(40);
        assertThatThrownBy(() -> LararenaConfig.fromMap(Map.of("LARARENA_REQUEST_WORKERS", "0")))
                .hasMessageContaining("LARARENA_REQUEST_WORKERS");
    }

    @Test
    void extractionLimitsAreReadFromTheirVariablesAndOutOfRangeValuesNameTheirKey() {
        LararenaConfig config = LararenaConfig.fromMap(Map.of("LARARENA_EXTRACT_MAX_OUTPUT_CHARS", "500000",
                "LARARENA_EXTRACT_MAX_NESTING", "2", "LARARENA_EXTRACT_MAX_ZIP_RATIO", "40", "LARARENA_EXTRACT_OCR", "false"));

        assertThat(config.extraction().maxOutputCharacters()).isEqualTo(500_000);
        assertThat(config.extraction().ocr()).as("OCR turned off").isFalse();
        assertThat(LararenaConfig.fromMap(Map.of()).extraction().ocr()).as("OCR on by default, where Tesseract is installed").isTrue();
        assertThat(config.extraction().maxPackageDepth()).isEqualTo(2);
        assertThat(config.extraction().maxCompressionRatio()).isEqualTo(40);
        assertThatThrownBy(() -> LararenaConfig.fromMap(Map.of("LARARENA_EXTRACT_MAX_NESTING", "0")))
                .hasMessageContaining("LARARENA_EXTRACT_MAX_NESTING");
    }

    @Test
    void anInstanceIsClusteredOnlyWhenItsMembersAreNamedAndAMisspeltMemberNamesTheKey() {
        assertThat(LararenaConfig.fromMap(Map.of()).cluster().enabled()).as("by default one instance").isFalse();

        LararenaConfig.Cluster cluster = LararenaConfig.fromMap(Map.of("LARARENA_CLUSTER_MEMBERS", "10.0.0.5:5701, 10.0.0.6:5702",
                "LARARENA_CLUSTER_HOST", "10.0.0.5", "LARARENA_CLUSTER_PORT", "5701", "LARARENA_SHARED_DIR", "/mnt/lararena",
                "LARARENA_RDF_URL", "http://10.0.0.7:3030/lararena")).cluster();
        assertThat(cluster.enabled()).isTrue();
        assertThat(cluster.members()).containsExactly("10.0.0.5:5701", "10.0.0.6:5702");
        assertThat(cluster.host()).isEqualTo("10.0.0.5");
        assertThat(cluster.name()).isEqualTo("lararena");
        assertThat(cluster.sharedDir()).contains(Path.of("/mnt/lararena"));

        assertThatThrownBy(() -> LararenaConfig.fromMap(Map.of("LARARENA_CLUSTER_MEMBERS", "10.0.0.5:5701,10.0.0.6")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("LARARENA_CLUSTER_MEMBERS").hasMessageContaining("'10.0.0.6'");
        assertThatThrownBy(() -> LararenaConfig.fromMap(Map.of("LARARENA_CLUSTER_MEMBERS", "10.0.0.5:99999")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("LARARENA_CLUSTER_MEMBERS");
    }

    @Test
    void aClusterServesOnePlatformOnlyWithAStoreAndADirectoryEveryInstanceShares() {
        assertThatThrownBy(() -> LararenaConfig.fromMap(Map.of("LARARENA_CLUSTER_MEMBERS", "10.0.0.5:5701",
                "LARARENA_RDF_URL", "http://10.0.0.7:3030/lararena")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("LARARENA_SHARED_DIR");
        assertThatThrownBy(() -> LararenaConfig.fromMap(Map.of("LARARENA_CLUSTER_MEMBERS", "10.0.0.5:5701",
                "LARARENA_SHARED_DIR", "/mnt/lararena")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("LARARENA_RDF");
    }

    @Test
    void externalClusterAndRealmReplaceTheManagedServers() {
        LararenaConfig config = LararenaConfig.fromMap(Map.of(
                "LARARENA_ES_URLS", "https://es1.example:9200, https://es2.example:9200",
                "LARARENA_KEYCLOAK_URL", "https://id.example/",
                "LARARENA_KEYCLOAK_REALM", "vard"));

        assertThat(config.elasticsearch().managed()).isFalse();
        assertThat(config.elasticsearch().urls()).extracting(URI::getHost).containsExactly("es1.example", "es2.example");
        assertThat(config.elasticsearch().replicas()).as("a cluster keeps a copy of every shard").isEqualTo(1);
        assertThat(LararenaConfig.fromMap(Map.of()).elasticsearch().replicas()).as("the managed node is alone").isZero();
        assertThat(LararenaConfig.fromMap(Map.of("LARARENA_ES_SHARDS", "3")).elasticsearch().shards()).isEqualTo(3);
        assertThatThrownBy(() -> LararenaConfig.fromMap(Map.of("LARARENA_ES_SHARDS", "0"))).hasMessageContaining("LARARENA_ES_SHARDS");
        assertThat(LararenaConfig.fromMap(Map.of()).elasticsearch().facetUpdateLimit()).isEqualTo(Duration.ofSeconds(60));
        assertThat(LararenaConfig.fromMap(Map.of("LARARENA_ES_FACET_UPDATE_SECONDS", "15")).elasticsearch().facetUpdateLimit())
                .isEqualTo(Duration.ofSeconds(15));
        assertThatThrownBy(() -> LararenaConfig.fromMap(Map.of("LARARENA_ES_FACET_UPDATE_SECONDS", "0")))
                .hasMessageContaining("LARARENA_ES_FACET_UPDATE_SECONDS");
        assertThat(config.keycloak().managed()).isFalse();
        assertThat(config.keycloak().issuer()).isEqualTo(URI.create("https://id.example/realms/vard"));
    }

    @Test
    void annotationsLiveInTheEmbeddedStoreUnlessAFusekiIsAskedForOrNamed() {
        assertThat(LararenaConfig.fromMap(Map.of()).rdf().embedded()).isTrue();

        LararenaConfig.Rdf managed = LararenaConfig.fromMap(Map.of("LARARENA_RDF", "fuseki", "LARARENA_FUSEKI_PORT", "3131")).rdf();
        assertThat(managed.managed()).isTrue();
        assertThat(managed.url()).contains(URI.create("http://127.0.0.1:3131/lararena"));

        LararenaConfig.Rdf external = LararenaConfig.fromMap(Map.of("LARARENA_RDF_URL", "http://rdf1.example:3030/lararena")).rdf();
        assertThat(external.managed()).isFalse();
        assertThat(external.embedded()).isFalse();
        assertThat(external.url()).contains(URI.create("http://rdf1.example:3030/lararena"));

        assertThatThrownBy(() -> LararenaConfig.fromMap(Map.of("LARARENA_RDF", "oxigraph"))).hasMessageContaining("LARARENA_RDF");
        assertThatThrownBy(() -> LararenaConfig.fromMap(Map.of("LARARENA_RDF", "embedded", "LARARENA_RDF_URL", "http://rdf1:3030/ds")))
                .hasMessageContaining("LARARENA_RDF_URL");
        assertThatThrownBy(() -> LararenaConfig.fromMap(Map.of("LARARENA_RDF_URL", "rdf1:3030"))).hasMessageContaining("LARARENA_RDF_URL");
    }

    @Test
    void theStoresNodeCachesGrowWithTheHeapUnlessTheirSizeIsSet() {
        LararenaConfig.Rdf byHeap = LararenaConfig.fromMap(Map.of()).rdf();
        long gigabyte = 1024L * 1024 * 1024;
        assertThat(byHeap.nodeCacheNodes(256L * 1024 * 1024)).as("a small heap keeps Jena's own size").isEqualTo(1_000_000);
        assertThat(byHeap.nodeCacheNodes(8 * gigabyte)).isEqualTo((int) (8 * gigabyte / LararenaConfig.Rdf.HEAP_BYTES_PER_CACHED_NODE));
        assertThat(byHeap.nodeCacheNodes(8 * gigabyte)).as("more heap, more nodes").isGreaterThan(byHeap.nodeCacheNodes(4 * gigabyte));

        LararenaConfig.Rdf set = LararenaConfig.fromMap(Map.of("LARARENA_JENA_NODE_CACHE", "3000000")).rdf();
        assertThat(set.nodeCacheNodes(256L * 1024 * 1024)).isEqualTo(3_000_000);
        assertThat(set.nodeCacheNodes(64 * gigabyte)).isEqualTo(3_000_000);

        assertThatThrownBy(() -> LararenaConfig.fromMap(Map.of("LARARENA_JENA_NODE_CACHE", "lots"))).hasMessageContaining("LARARENA_JENA_NODE_CACHE");
        assertThatThrownBy(() -> LararenaConfig.fromMap(Map.of("LARARENA_JENA_NODE_CACHE", "10"))).hasMessageContaining("LARARENA_JENA_NODE_CACHE");
    }

    @Test
    void aManagedClusterOfSeveralNodesListensOnConsecutivePortsAndKeepsAReplica() {
        LararenaConfig config = LararenaConfig.fromMap(Map.of("LARARENA_ES_NODES", "3", "LARARENA_ES_PORT", "9400"));

        assertThat(config.elasticsearch().managed()).isTrue();
        assertThat(config.elasticsearch().nodes()).isEqualTo(3);
        assertThat(config.elasticsearch().urls()).extracting(URI::getPort).containsExactly(9400, 9401, 9402);
        assertThat(config.elasticsearch().replicas()).as("losing one node loses nothing").isEqualTo(1);
        assertThatThrownBy(() -> LararenaConfig.fromMap(Map.of("LARARENA_ES_NODES", "0"))).hasMessageContaining("LARARENA_ES_NODES");
    }

    @Test
    void malformedValuesAreRefusedNamingTheirKey() {
        assertThatThrownBy(() -> LararenaConfig.fromMap(Map.of("LARARENA_HTTP_PORT", "80a")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("LARARENA_HTTP_PORT");
        assertThatThrownBy(() -> LararenaConfig.fromMap(Map.of("LARARENA_ES_PORT", "70000")))
                .hasMessageContaining("LARARENA_ES_PORT").hasMessageContaining("65535");
        assertThatThrownBy(() -> LararenaConfig.fromMap(Map.of("LARARENA_ES_URLS", "es1:9200")))
                .hasMessageContaining("LARARENA_ES_URLS");
        assertThatThrownBy(() -> LararenaConfig.fromMap(Map.of("LARARENA_KEYCLOAK_URL", "http://bad host/")))
                .hasMessageContaining("LARARENA_KEYCLOAK_URL");
        assertThatThrownBy(() -> LararenaConfig.fromMap(Map.of("LARARENA_DEMO_DATA", "kanske")))
                .hasMessageContaining("LARARENA_DEMO_DATA");
        assertThatThrownBy(() -> LararenaConfig.fromMap(Map.of("LARARENA_MAX_INSIGHT_CHARS", "10")))
                .hasMessageContaining("LARARENA_MAX_INSIGHT_CHARS");
        for (String bad : List.of("99", "tiotusen", "-1", "2000000")) {
            assertThatThrownBy(() -> LararenaConfig.fromMap(Map.of("LARARENA_MAX_MEMO_CHARS", bad)))
                    .as("LARARENA_MAX_MEMO_CHARS=%s", bad).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("LARARENA_MAX_MEMO_CHARS");
        }
    }

    @Test
    void anUnwritableDataDirectoryStopsStartUp(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
        LararenaConfig config = LararenaConfig.fromMap(Map.of("LARARENA_DATA_DIR", file.resolve("data").toString()));

        assertThatThrownBy(config::requireWritableDataDir)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("LARARENA_DATA_DIR").hasMessageContaining("not writable");
    }

    @Test
    void theConfigurationTableDocumentsEveryKeyTheParserReads() throws Exception {
        String source = Files.readString(Path.of("src/main/java/org/lararena/platform/LararenaConfig.java"));
        List<String> readKeys = new ArrayList<>();
        var matcher = Pattern.compile("\\(\"(LARARENA_[A-Z_]+)\"").matcher(source);
        while (matcher.find()) {
            readKeys.add(matcher.group(1));
        }
        assertThat(readKeys).isNotEmpty();
        for (String key : readKeys) {
            assertThat(source).as("documented key %s", key).contains("<td>" + key + "</td>");
        }
    }
}
