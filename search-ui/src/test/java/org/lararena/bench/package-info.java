/**
 * Benchmarks of the application, run only by the {@code bench} profile ({@code ./mvnw -Pbench -pl search-ui -am verify
 * -DskipITs -Dtest=SearchLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}), never by {@code ./mvnw verify}.
 * They print figures measured side by side in one run and assert no timing; their generated data is not test data.
 */
package org.lararena.bench;
