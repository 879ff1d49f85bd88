/**
 * The application and its command line: {@link org.lararena.app.Lararena} ({@code ./lararena up|down|status|serve}),
 * {@link org.lararena.app.ApplicationVerticle} which starts the application: {@link org.lararena.app.Wiring} builds its
 * {@link org.lararena.app.Services} from the configuration and {@link org.lararena.app.Routes} its endpoints and pages;
 * the run-state file that lets a second {@code up} see the first, and the demo data loaded on first start.
 */
package org.lararena.app;
