/** The application's one Elasticsearch client, made from the configuration. */
package org.lararena.platform.elasticsearch;
