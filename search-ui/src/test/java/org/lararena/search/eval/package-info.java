/** The search evaluation: ranking metrics and the judged query sets in {@code src/test/resources/eval/search}. */
package org.lararena.search.eval;
