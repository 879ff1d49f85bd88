/**
 * What every Lärarena module stands on: the typed configuration ({@link org.lararena.platform.LararenaConfig}),
 * the one exception family ({@link org.lararena.platform.LararenaException}) and its HTTP failure handler
 * ({@code web}), the Elasticsearch client ({@code elasticsearch}) and the managed local Elasticsearch and
 * Keycloak servers ({@code services}).
 *
 * <p>Nothing here knows about documents, passages or themes.
 */
package org.lararena.platform;
