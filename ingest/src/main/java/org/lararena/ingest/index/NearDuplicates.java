package org.lararena.ingest.index;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lararena.ontology.text.SwedishText;

/**
 * Near-duplicate passages: the same text twice, as when a report exists as a clean copy and as an OCR copy (letters
 * without their diacritics, {@code |} for {@code I}, lines broken elsewhere). A passage's MinHash signature over the
 * three-word shingles of its folded words estimates how much two passages share; its bands (pairs of the signature's
 * values) find the candidates with a terms query, and two passages alike in at least {@value #ALIKE} of the
 * signature are near-duplicates. Short passages (a heading, a slide title) are never grouped: their likeness says
 * little.
 */
public final class NearDuplicates {

    /** The fields of a passage document. */
    public static final String GROUP = "nearDuplicateGroup";
    public static final String BANDS = "nearDuplicateBands";
    public static final String SIGNATURE = "nearDuplicateSignature";
    /**
     * True on a group's first passage (the one whose id is the group's) once another passage is in its group. A
     * search asks for the copies of the hits it shows ({@link #mayHaveCopies}) only where there can be some: a page without
     * copies then costs one search, not two.
     */
    public static final String HAS_COPIES = "nearDuplicateHasCopies";

    static final int HASHES = 24;
    static final int ROWS_PER_BAND = 2;
    static final double ALIKE = 0.6;
    static final int MIN_WORDS = 8;
    private static final int SHINGLE = 3;

    private NearDuplicates() {
    }

    /** The MinHash signature of a passage text; empty for a passage too short to group. */
    public static Optional<long[]> signature(String text) {
        String[] words = SwedishText.fold(text == null ? "" : text).split("[^\\p{L}\\p{N}]+");
        List<String> kept = new ArrayList<>();
        for (String word : words) {
            if (!word.isEmpty()) {
                kept.add(word);
            }
        }
        if (kept.size() < MIN_WORDS) {
            return Optional.empty();
        }
        long[] signature = new long[HASHES];
        Arrays.fill(signature, Long.MAX_VALUE);
        for (int i = 0; i + SHINGLE <= kept.size(); i++) {
            long shingle = fnv(String.join(" ", kept.subList(i, i + SHINGLE)));
            for (int h = 0; h < HASHES; h++) {
                signature[h] = Math.min(signature[h], mix(shingle + h * 0x9E3779B97F4A7C15L));
            }
        }
        return Optional.of(signature);
    }

    /** The band keys of a signature: passages sharing one are candidates. */
    public static List<String> bands(long[] signature) {
        List<String> bands = new ArrayList<>();
        for (int band = 0; band < HASHES / ROWS_PER_BAND; band++) {
            long combined = 0;
            for (int row = 0; row < ROWS_PER_BAND; row++) {
                combined = mix(combined ^ signature[band * ROWS_PER_BAND + row]);
            }
            bands.add(band + ":" + Long.toHexString(combined));
        }
        return bands;
    }

    /** The share of the signatures' values that agree: an estimate of the passages' shingle overlap (Jaccard). */
    public static double likeness(long[] a, long[] b) {
        int same = 0;
        for (int i = 0; i < HASHES; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return same / (double) HASHES;
    }

    /** The signature as stored in a passage document. */
    public static String encode(long[] signature) {
        StringBuilder out = new StringBuilder();
        for (long value : signature) {
            out.append(HexFormat.of().toHexDigits(value));
        }
        return out.toString();
    }

    public static Optional<long[]> decode(String stored) {
        if (stored == null || stored.length() != HASHES * 16) {
            return Optional.empty();
        }
        long[] signature = new long[HASHES];
        for (int i = 0; i < HASHES; i++) {
            signature[i] = HexFormat.fromHexDigitsToLong(stored, i * 16, i * 16 + 16);
        }
        return Optional.of(signature);
    }

    /**
     * Puts a passage's signature and bands into its document, and its own id as its group (until a near-duplicate
     * says otherwise), without the flag of copies ({@link NearDuplicateGroups} sets it). Returns the signature, if the passage is long enough to have one.
     */
    public static Optional<long[]> describe(JsonObject passage) {
        Optional<long[]> signature = signature(passage.getString("text"));
        passage.put(GROUP, passage.getString("passageId"));
        passage.remove(HAS_COPIES);
        signature.ifPresentOrElse(s -> passage.put(SIGNATURE, encode(s)).put(BANDS, new JsonArray(bands(s))),
                () -> passage.remove(BANDS));
        return signature;
    }

    /**
     * Whether a stored passage ({@code source}, with its {@code passageId}, {@link #GROUP} and {@link #HAS_COPIES}) may
     * have near-duplicates: it is a copy (its group is another passage's), or the first of a group that a copy joined.
     * A group's first passage erased later leaves its copies grouped, and a copy erased leaves the flag: both err
     * towards asking.
     */
    public static boolean mayHaveCopies(Map<?, ?> source) {
        Object group = source.get(GROUP);
        return group != null && (!group.equals(source.get("passageId")) || Boolean.TRUE.equals(source.get(HAS_COPIES)));
    }

    /** The band keys of several passages together (for one lookup). */
    static Set<String> allBands(List<JsonObject> passages) {
        Set<String> all = new LinkedHashSet<>();
        for (JsonObject passage : passages) {
            JsonArray bands = passage.getJsonArray(BANDS);
            if (bands != null) {
                bands.forEach(b -> all.add((String) b));
            }
        }
        return all;
    }

    private static long fnv(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** A 64-bit finaliser (SplitMix64): spreads every input bit over the whole value. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
