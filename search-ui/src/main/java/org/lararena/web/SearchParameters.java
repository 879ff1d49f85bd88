package org.lararena.web;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The parameters of Sök's and Analys' addresses that are not the search itself, named in one place: the links of
 * Sök, the links and downloads of Analys and the menu between the two each leave out some of them.
 */
public final class SearchParameters {

    /**
     * What a link to another search leaves out: the page of the answer (its number or cursor), so it starts from the
     * first, and the language, which once switched is remembered for the reader rather than carried by every link. The
     * page size ({@code size}) stays.
     */
    public static final Set<String> PAGE_AND_LANGUAGE = Set.of("page", "after", "lang");
    /**
     * What the menu leaves out when it opens Sök or Analys on the search the other one shows: also the page size, as
     * Analys has no pages and Sök opened from the menu shows its own.
     */
    public static final Set<String> NOT_THE_SEARCH = with(PAGE_AND_LANGUAGE, "size");

    private SearchParameters() {
    }

    /** {@code parameters} and {@code more}. */
    public static Set<String> with(Set<String> parameters, String... more) {
        return Stream.concat(parameters.stream(), Stream.of(more)).collect(Collectors.toUnmodifiableSet());
    }
}
