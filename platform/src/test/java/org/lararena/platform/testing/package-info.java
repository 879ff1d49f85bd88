/**
 * The shared integration-test harness (published as this module's test-jar): real Elasticsearch and Keycloak,
 * started once per test JVM on free loopback ports and always stopped when the test session ends, whether
 * the tests passed or not. Point it at external servers with LARARENA_ES_URLS / LARARENA_KEYCLOAK_URL.
 */
package org.lararena.platform.testing;
