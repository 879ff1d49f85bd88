package org.lararena.platform.services;

import java.util.Map;

/**
 * Files another module needs in the managed Elasticsearch's config directory (the ontology's decompound and
 * synonym lists, for example), found with {@link java.util.ServiceLoader} so the platform need not know that
 * module. {@link ManagedElasticsearch} writes them at every start, before the node starts.
 */
public interface ElasticsearchConfigFiles {

    /** Path relative to the config directory (e.g. {@code lararena/synonyms.txt}) → UTF-8 content. */
    Map<String, String> files();
}
