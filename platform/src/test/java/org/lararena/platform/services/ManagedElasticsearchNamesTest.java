package org.lararena.platform.services;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the nodes of a managed cluster are named in the data directory and under supervision (backups leave their folders out). */
class ManagedElasticsearchNamesTest {

    @Test
    void everyNodesFolderIsRecognisedAsANodeFolderAndNothingElseIs() {
        assertThat(ManagedElasticsearch.folderName(0)).isEqualTo("elasticsearch");
        assertThat(ManagedElasticsearch.folderName(2)).isEqualTo("elasticsearch-3");
        assertThat(ManagedElasticsearch.isNodeFolder(ManagedElasticsearch.folderName(0))).isTrue();
        assertThat(ManagedElasticsearch.isNodeFolder(ManagedElasticsearch.folderName(1))).isTrue();
        assertThat(ManagedElasticsearch.isNodeFolder("erasures")).isFalse();
        assertThat(ManagedElasticsearch.isNodeFolder("documents")).isFalse();
    }

    @Test
    void aLoneNodeKeepsItsServiceNameAndTheNodesOfAClusterAreNumbered() {
        assertThat(ManagedElasticsearch.serviceName(0, 1)).isEqualTo("elasticsearch");
        assertThat(ManagedElasticsearch.serviceName(1, 3)).isEqualTo("elasticsearch-2");
        assertThat(ManagedElasticsearch.isClusterNode(ManagedElasticsearch.serviceName(0, 2))).isTrue();
        assertThat(ManagedElasticsearch.isClusterNode(ManagedElasticsearch.serviceName(0, 1))).isFalse();
    }
}
