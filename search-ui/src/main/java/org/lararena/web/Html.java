package org.lararena.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Escaping for everything the pages show. Document text, titles, names and queries always pass through
 * {@link #text}; the only markup taken as is comes from the platform itself (or Elasticsearch's HTML-encoded
 * highlights).
 */
public final class Html {

    private Html() {
    }

    /** {@code value} as HTML text or attribute content: nothing in it can become markup. */
    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A query-string value. */
    public static String url(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
