/**
 * The server-rendered pages, in Swedish. Every piece of document text, title, name or query is escaped through
 * {@link org.lararena.web.Html}; pages call the same services as the JSON API, for the same caller, so a page
 * can never show what the API would refuse.
 */
package org.lararena.web.pages;
