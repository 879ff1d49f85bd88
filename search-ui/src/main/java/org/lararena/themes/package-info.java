/** The theme tree of the ontology's {@code scheme:teman} with passage counts each caller may see ({@code GET /api/themes}). */
package org.lararena.themes;
