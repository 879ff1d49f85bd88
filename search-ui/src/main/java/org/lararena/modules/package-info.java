/**
 * Learning modules: the content of the {@code modules/} folder (one folder per module with an {@code index.md}
 * whose YAML front matter names its title, goals, themes, insights, saved searches and reflection questions),
 * read and checked once at start. A module that names an unknown theme or insight is refused with a message
 * saying which; the others still load.
 */
package org.lararena.modules;
