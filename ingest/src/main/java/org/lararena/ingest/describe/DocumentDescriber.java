package org.lararena.ingest.describe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.lararena.ingest.extract.ExtractedDocument;
import org.lararena.ingest.repair.RepairedText;
import org.lararena.ingest.segment.Passage;
import org.lararena.ontology.DocumentType;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.OntologyLoader;
import org.lararena.ontology.Pilot;
import org.lararena.platform.Sha256;

/**
 * Decides a document's type, title, date, pilot region and language, and hashes its original. The document types and
 * pilots are the ontology's. Stateless and thread-safe.
 */
public final class DocumentDescriber {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final int OPENING_CHARACTERS = 1500;
    private static final int MAX_TITLE_CHARACTERS = 160;
    /** A heading is a short line that asks nothing: an interview's first question is no title. */
    private static final int MAX_HEADING_WORDS = 14;

    private static final Set<String> SWEDISH_WORDS = Set.of("och", "att", "det", "som", "en", "är", "på", "för", "med", "inte",
            "jag", "vi", "av", "till", "den", "har", "om", "de", "ett", "var", "kan", "så", "men", "också", "vid", "från");
    private static final Set<String> ENGLISH_WORDS = Set.of("the", "and", "of", "to", "in", "is", "that", "for", "it", "with",
            "as", "was", "on", "are", "be", "this", "by", "not", "we", "have", "from", "or", "which", "can", "also", "at");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final Pattern ISO_DATE = Pattern.compile("\\b((?:19|20)\\d{2})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern SWEDISH_DATE = Pattern.compile(
            "(?i)\\b(\\d{1,2})\\s+(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\\s+((?:19|20)\\d{2})\\b");
    private static final List<String> MONTHS = List.of("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
            "september", "oktober", "november", "december");
    private static final Pattern TRANSCRIPT_HINT = Pattern.compile("(?i)transkri|podd|podcast|webbinari|inspelning");
    private static final Pattern INTERVIEW_LABEL = Pattern.compile("(?i)^(i|r|ip|intervjuare|intervjuperson|respondent|informant)$");
    private static final Pattern NOTES_HINT = Pattern.compile("(?i)minnesanteckning|mötesanteckning|anteckningar från|protokoll|dagordning|närvarande:");
    private static final Pattern WORKSHOP_HINT = Pattern.compile("(?i)workshop");

    private final Ontology ontology;

    /** With the shipped ontology's document types and pilots. */
    public DocumentDescriber() {
        this(OntologyLoader.shipped());
    }

    public DocumentDescriber(Ontology ontology) {
        this.ontology = Objects.requireNonNull(ontology);
    }

    public DocumentDescription describe(Path original, UploadFields upload, ExtractedDocument extracted, RepairedText repaired,
            List<Passage> passages) {
        Objects.requireNonNull(original);
        UploadFields fields = upload == null ? UploadFields.NONE : upload;
        String opening = repaired.text().substring(0, Math.min(OPENING_CHARACTERS, repaired.text().length()));
        String type = documentType(fields, extracted, opening, passages);
        LocalDate date = date(fields, extracted, opening);
        String pilotRegion = pilotRegion(repaired.text());
        return new DocumentDescription(
                type,
                title(fields, extracted, passages, type, fields.pilot() != null ? fields.pilot() : pilotName(pilotRegion), date),
                date,
                pilotRegion,
                language(repaired.text()),
                size(original),
                sha256(original));
    }

    /** Whether a declared document type (as uploaders spell it) is an interview or transcript, whose text is speaker turns. */
    boolean namesSpeakers(String declaredType) {
        return declaredType != null && ontology.namesSpeakers(plainLowerCase(declaredType));
    }

    String documentType(UploadFields fields, ExtractedDocument extracted, String opening, List<Passage> passages) {
        String declared = fields.documentType() == null ? null : plainLowerCase(fields.documentType());
        if (declared != null && ontology.documentType(declared).isPresent()) {
            return declared;
        }
        if (extracted.isSlideDeck()) {
            return "presentation";
        }
        long speakers = passages.stream().map(Passage::speaker).filter(Objects::nonNull).distinct().count();
        if (speakers >= 2 || extracted.isSubtitles()) {
            boolean interviewRoles = passages.stream().map(Passage::speaker).filter(Objects::nonNull)
                    .anyMatch(speaker -> INTERVIEW_LABEL.matcher(speaker).matches());
            String names = String.join(" ", Objects.toString(fields.filename(), ""), Objects.toString(fields.title(), ""),
                    Objects.toString(extracted.metadata().title(), ""), opening.substring(0, Math.min(200, opening.length())));
            if (!interviewRoles && (extracted.isSubtitles() || TRANSCRIPT_HINT.matcher(names).find())) {
                return "transkript";
            }
            return "intervju";
        }
        String names = Objects.toString(fields.filename(), "") + " " + Objects.toString(fields.title(), "") + " "
                + Objects.toString(extracted.metadata().title(), "");
        if (NOTES_HINT.matcher(names + " " + opening).find()) {
            return "motesanteckningar";
        }
        if (WORKSHOP_HINT.matcher(names).find() || WORKSHOP_HINT.matcher(opening.substring(0, Math.min(300, opening.length()))).find()) {
            return "workshop";
        }
        return "rapport";
    }

    /** The name of a pilot found by {@link #pilotRegion} ({@code Värmland} for {@code varmland}); {@code null} stays null. */
    public String pilotName(String pilotRegion) {
        if (pilotRegion == null) {
            return null;
        }
        return ontology.pilots().stream().filter(pilot -> pilot.notation().equals(pilotRegion)).map(Pilot::labelSv)
                .findFirst().orElse(pilotRegion);
    }

    /**
     * The uploader's title, else the file's metadata title, else its first heading. An interview or a transcript is
     * never titled by its first turn (its first question): only a line before the first turn that reads as a heading
     * counts, and without one it is "Intervju – Värmland, 2024-03-01" (or "Transkript – …").
     */
    String title(UploadFields fields, ExtractedDocument extracted, List<Passage> passages, String type, String pilot, LocalDate date) {
        if (fields.title() != null && !fields.title().isBlank()) {
            return fields.title().strip();
        }
        String metadataTitle = extracted.metadata().title();
        if (metadataTitle != null) {
            // Word's PDF printer titles documents "Microsoft Word - rapport.docx": that is a file name, not a title.
            String cleaned = metadataTitle.replaceFirst("^Microsoft (Word|PowerPoint) - ", "").strip();
            if (!cleaned.isEmpty() && !cleaned.matches("(?i).*\\.(docx?|pptx?|pdf|odt|odp|txt)$") && !cleaned.equalsIgnoreCase("untitled")) {
                return shorten(cleaned);
            }
        }
        boolean conversation = ontology.namesSpeakers(type);
        for (Passage passage : passages) {
            if (conversation && passage.speaker() != null) {
                break;
            }
            String firstLine = passage.text().lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst().orElse("");
            if (!firstLine.isEmpty() && (!conversation || isHeading(firstLine))) {
                return shorten(firstLine.replaceFirst("^#+\\s*", ""));
            }
        }
        if (conversation) {
            String about = Stream.of(pilot, date == null ? null : date.toString()).filter(Objects::nonNull)
                    .collect(Collectors.joining(", "));
            String name = ontology.documentType(type).map(DocumentType::labelSv).orElse(type);
            return about.isEmpty() ? name + (fields.filename() != null ? " – " + fields.filename() : "") : name + " – " + about;
        }
        return fields.filename() != null ? fields.filename() : "Namnlöst dokument";
    }

    private static boolean isHeading(String line) {
        return !line.endsWith("?") && line.split("\\s+").length <= MAX_HEADING_WORDS;
    }

    static LocalDate date(UploadFields fields, ExtractedDocument extracted, String opening) {
        if (fields.date() != null) {
            return fields.date();
        }
        LocalDate inText = firstDate(opening);
        if (inText != null) {
            return inText;
        }
        return extracted.metadata().created() == null ? null : extracted.metadata().created().atZone(SWEDEN).toLocalDate();
    }

    /**
     * The pilot named clearly more often than any other (at least three times, and twice as often as the next), by
     * the words starting with its name stem; pilots without one are never guessed.
     */
    String pilotRegion(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        Map<String, Integer> mentions = new HashMap<>();
        ontology.pilots().forEach(pilot -> pilot.nameStem().ifPresent(stem -> mentions.put(pilot.notation(), wordStartsWith(lower, stem))));
        List<Map.Entry<String, Integer>> ranked = mentions.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).toList();
        if (ranked.isEmpty()) {
            return null;
        }
        int top = ranked.get(0).getValue();
        int second = ranked.size() > 1 ? ranked.get(1).getValue() : 0;
        return top >= 3 && top >= 2 * second ? ranked.get(0).getKey() : null;
    }

    private static int wordStartsWith(String text, String prefix) {
        int count = 0;
        for (int at = text.indexOf(prefix); at >= 0; at = text.indexOf(prefix, at + prefix.length())) {
            if (at == 0 || !Character.isLetter(text.charAt(at - 1))) {
                count++;
            }
        }
        return count;
    }

    /** {@code sv} or {@code en} by the commoner set of stop words; {@code null} with fewer than five of either. */
    static String language(String text) {
        int swedish = 0;
        int english = 0;
        Matcher word = WORD.matcher(text.length() > 50_000 ? text.substring(0, 50_000) : text);
        while (word.find()) {
            String lower = word.group().toLowerCase(Locale.ROOT);
            if (SWEDISH_WORDS.contains(lower)) {
                swedish++;
            } else if (ENGLISH_WORDS.contains(lower)) {
                english++;
            }
        }
        if (swedish + english < 5) {
            return null;
        }
        return swedish >= english ? "sv" : "en";
    }

    /** The SHA-256 of a file's bytes, lower-case hex. */
    private static String sha256(Path file) {
        try {
            return Sha256.hex(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hash " + file, e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + file, e);
        }
    }

    private static LocalDate firstDate(String text) {
        Matcher iso = ISO_DATE.matcher(text);
        Matcher swedish = SWEDISH_DATE.matcher(text);
        int isoAt = iso.find() ? iso.start() : Integer.MAX_VALUE;
        int swedishAt = swedish.find() ? swedish.start() : Integer.MAX_VALUE;
        try {
            if (isoAt < swedishAt) {
                return LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
            }
            if (swedishAt < Integer.MAX_VALUE) {
                return LocalDate.of(Integer.parseInt(swedish.group(3)), MONTHS.indexOf(swedish.group(2).toLowerCase(Locale.ROOT)) + 1,
                        Integer.parseInt(swedish.group(1)));
            }
        } catch (DateTimeException impossibleDate) {
            return null;
        }
        return null;
    }

    private static String shorten(String title) {
        return title.length() <= MAX_TITLE_CHARACTERS ? title : title.substring(0, MAX_TITLE_CHARACTERS - 1).strip() + "…";
    }

    /** "Mötesanteckningar" → "motesanteckningar": the notation's spelling. */
    private static String plainLowerCase(String value) {
        return Normalizer.normalize(value.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
