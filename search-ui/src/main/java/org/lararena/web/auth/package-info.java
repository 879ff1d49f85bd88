/**
 * Authentication against the Keycloak realm with Vert.x's own OAuth2/OIDC support: bearer access tokens for
 * the API, verified against the realm's keys, and turned into a {@link org.lararena.platform.web.Caller}.
 */
package org.lararena.web.auth;
