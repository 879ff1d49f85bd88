/**
 * What search takes from the ontology's vocabulary: the decompound dictionary and the synonym rules of the
 * Swedish analysis, written into Elasticsearch's config directory. No Elasticsearch client here.
 */
package org.lararena.ontology.search;
