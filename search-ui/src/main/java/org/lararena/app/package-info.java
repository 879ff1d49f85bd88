/**
 * The application and its command line: {@link org.lararena.app.Lararena} ({@code ./lararena up|down|status|serve}),
 * {@link org.lararena.app.ApplicationVerticle} which wires the modules, the run-state file that lets a second
 * {@code up} see the first, and the demo data loaded on first start.
 */
package org.lararena.app;
