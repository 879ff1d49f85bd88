/**
 * The managed local servers: Elasticsearch (with the project's Swedish analysis plugin installed) and Keycloak
 * (with the development realm imported), unpacked from their Maven Central distributions into the data
 * directory, started on loopback and stopped with everything they started.
 *
 * <p>Used by {@code ./lararena up} and by the integration-test harness alike, so the tests run the very servers
 * users run. Nothing here is used when external servers are configured.
 */
package org.lararena.platform.services;
