package org.lararena.ingest.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaMemoryLimitException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.lararena.ingest.extract.ExtractionException.Kind;
import org.lararena.platform.LararenaConfig;

/**
 * Extraction of one file in the current process, under the output, nesting and zip-bomb limits of an
 * {@link LararenaConfig.Extraction}. Only an {@link ExtractionWorker} runs this: time and memory limits need the
 * worker's own JVM, and Tika must never parse untrusted files in the server process.
 */
final class InProcessExtraction {

    private static final String OCR_LANGUAGE = "swe";
    /** Metadata key carrying the type this extraction detected to the parser, which then does not detect again. */
    private static final String DETECTED_TYPE = "X-Lararena-Detected-Type";
    /** The warm-up reads its samples this many times, or as often as fits its time (but at least once). */
    private static final int WARM_UP_PASSES = 30;
    private static final long WARM_UP_NANOS = TimeUnit.SECONDS.toNanos(3);
    private static final Set<DocumentFormat> ZIP_CONTAINERS =
            EnumSet.of(DocumentFormat.WORD, DocumentFormat.OPEN_DOCUMENT_TEXT, DocumentFormat.SLIDES, DocumentFormat.SPREADSHEET);

    /** Why a file is refused as a zip bomb, wherever in it the bomb was found. */
    static final String ZIP_BOMB_REASON = "Filen packas upp till orimligt mycket innehåll och avvisas (misstänkt zip-bomb).";
    /** What a single e-mail with a leading mbox "From " line is read as: the e-mail it is. */
    private static final String SINGLE_MESSAGE_MBOX = "message/rfc822";

    private final LararenaConfig.Extraction config;
    private final AutoDetectParser parser;
    private final Detector detector;
    private final boolean ocrAvailable;

    InProcessExtraction(LararenaConfig.Extraction config) {
        this.config = config;
        TikaConfig tika = TikaConfig.getDefaultConfig();
        this.parser = new AutoDetectParser(tika);
        AutoDetectParserConfig limits = new AutoDetectParserConfig();
        limits.setOutputThreshold(config.zipBombThresholdCharacters());
        limits.setMaximumCompressionRatio(config.maxCompressionRatio());
        limits.setMaximumDepth(config.maxXmlDepth());
        limits.setMaximumPackageEntryDepth(config.maxPackageDepth());
        parser.setAutoDetectParserConfig(limits);
        this.detector = tika.getDetector();
        parser.setDetector(detectedOnce(detector));
        this.ocrAvailable = config.ocr() && tesseractHasSwedish();
    }

    /**
     * Loads the parsers' classes and caches (PDFBox's fonts, POI's schemas) and compiles their hot paths with tiny
     * documents of the commonest formats, read over and over, so that the first real files do not pay for it. The
     * samples are written to {@code java.io.tmpdir}, which for a worker is its own directory inside the extractor's
     * work directory, and removed again.
     */
    void warmUp() {
        long deadline = System.nanoTime() + WARM_UP_NANOS;
        try {
            Path dir = Files.createTempDirectory("lararena-warmup");
            try {
                List<Path> samples = WarmUpSamples.write(dir);
                for (int pass = 0; pass < WARM_UP_PASSES && (pass == 0 || System.nanoTime() < deadline); pass++) {
                    for (Path sample : samples) {
                        extract(sample, sample.getFileName().toString(), null);
                    }
                }
            } finally {
                try (var files = Files.list(dir)) {
                    for (Path file : files.toList()) {
                        Files.deleteIfExists(file);
                    }
                }
                Files.deleteIfExists(dir);
            }
        } catch (IOException | ExtractionException | RuntimeException ignored) {
            // Warming up is an optimisation only; a real failure shows on the first real file.
        }
    }

    /** Extracts a file that is no archive (an archive needs somewhere to unpack to). */
    ExtractedDocument extract(Path file, String declaredFilename, String declaredMediaType) throws ExtractionException {
        return extract(file, declaredFilename, declaredMediaType, null);
    }

    /**
     * Extracts a file; an archive or mailbox is unpacked into {@code unpackDirectory} (created then), its documents
     * {@link ExtractedDocument#members()}.
     */
    ExtractedDocument extract(Path file, String declaredFilename, String declaredMediaType, Path unpackDirectory)
            throws ExtractionException {
        long size = sizeOf(file);
        if (size == 0) {
            throw new ExtractionException(Kind.EMPTY, "Filen är tom.", "the file has 0 bytes");
        }
        String mediaType = detect(file, declaredFilename, declaredMediaType);
        DocumentFormat format = supportedFormat(mediaType);
        ExtractedDocument document = switch (format.reader()) {
            case TEXT -> readText(file, size, mediaType);
            case SUBTITLES -> readSubtitles(file, size, mediaType);
            case TIKA -> parseWithTika(file, declaredFilename, mediaType, format);
            case TABLE -> readDelimitedTable(file, size, declaredFilename, mediaType);
            case UNPACKER -> ExtractedDocument.archive(mediaType, new ArchiveUnpacker(config, ExpansionBudget.forFile(config, size), detector,
                    Objects.requireNonNull(unpackDirectory, "an archive needs a directory to unpack to"))
                    .unpack(file, mediaType, declaredFilename));
        };
        if (document.isArchive()) {
            return document;
        }
        if (document.text().isBlank()) {
            if (format == DocumentFormat.PDF && !ocrAvailable) {
                throw new ExtractionException(Kind.SCANNED_WITHOUT_OCR,
                        "PDF-filen saknar textlager (den är troligen inskannad) och OCR är inte installerat eller är avstängt.",
                        "scanned PDF without text layer; " + withoutOcr());
            }
            throw new ExtractionException(Kind.EMPTY, "Filen innehåller ingen text som kunde läsas ut.",
                    "no text in a " + mediaType + " file" + (ocrAvailable ? ", OCR included" : ""));
        }
        return document;
    }

    /**
     * The parser's detector: the file itself was detected already (and its type checked) before the parse, so its
     * type is taken from {@link #DETECTED_TYPE} instead of detecting it a second time; embedded documents are
     * detected as usual.
     */
    private static Detector detectedOnce(Detector detector) {
        return (in, metadata) -> {
            String detected = metadata.get(DETECTED_TYPE);
            if (detected != null) {
                metadata.remove(DETECTED_TYPE);
                return MediaType.parse(detected);
            }
            return detector.detect(in, metadata);
        };
    }

    private String detect(Path file, String declaredFilename, String declaredMediaType) throws ExtractionException {
        Metadata metadata = new Metadata();
        if (declaredFilename != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, declaredFilename);
        }
        MediaType detected;
        try (TikaInputStream in = TikaInputStream.get(file)) {
            detected = detector.detect(in, metadata);
        } catch (IOException e) {
            throw new ExtractionException(Kind.CORRUPT, "Filen kunde inte läsas.", "detection failed: " + e, e);
        }
        String base = detected.getBaseType().toString();
        if (base.equals(ArchiveUnpacker.MBOX) && messagesInMbox(file) == 1) {
            // One e-mail saved with the "From " line an mbox puts before each message: read as that e-mail.
            return SINGLE_MESSAGE_MBOX;
        }
        if (base.equals("text/plain")) {
            // Tika knows SRT only by its extension, and a declared text type is believed only for plain text.
            if (startsLikeSrt(file)) {
                return "application/x-subrip";
            }
            if (declaredMediaType != null) {
                String declared = MediaType.parse(declaredMediaType) == null ? ""
                        : MediaType.parse(declaredMediaType).getBaseType().toString();
                if (declared.equals("text/markdown") || declared.equals("text/vtt") || declared.equals("application/x-subrip")) {
                    return declared;
                }
            }
        }
        return base;
    }

    /** Why OCR is not at hand, for the operator (the researcher's reason says both). */
    private String withoutOcr() {
        return config.ocr() ? "OCR not installed (tesseract with the 'swe' model)" : "OCR turned off (LARARENA_EXTRACT_OCR=false)";
    }

    private DocumentFormat supportedFormat(String mediaType) throws ExtractionException {
        if (mediaType.equals("application/x-tika-ooxml-protected") || mediaType.equals("application/x-tika-msoffice-encrypted")) {
            throw encrypted(mediaType);
        }
        DocumentFormat format = DocumentFormat.of(mediaType).orElseThrow(() -> unsupported(mediaType));
        if (format == DocumentFormat.IMAGE && !ocrAvailable) {
            throw new ExtractionException(Kind.UNSUPPORTED_TYPE,
                    "Filen är en " + FileTypes.name(mediaType) + ", och bilder kan bara läsas med OCR, som inte är installerat "
                            + "eller är avstängt. Ladda upp dokumentet som PDF eller DOCX med text i stället.",
                    "image: " + mediaType + "; " + withoutOcr());
        }
        return format;
    }

    private ExtractedDocument readText(Path file, long size, String mediaType) throws ExtractionException {
        String text = decodedText(file, size);
        if (DocumentFormat.of(mediaType).orElse(null) == DocumentFormat.MARKDOWN) {
            return MarkdownText.read(text, mediaType);
        }
        return new ExtractedDocument(mediaType, text, List.of(), DocumentMetadata.NONE, List.of());
    }

    /** CSV or TSV as one sheet named after the file; Swedish exports separate cells with semicolons. */
    private ExtractedDocument readDelimitedTable(Path file, long size, String declaredFilename, String mediaType) throws ExtractionException {
        String text = decodedText(file, size);
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = mediaType.equals("text/tab-separated-values") ? '\t'
                : firstLine.chars().filter(c -> c == ';').count() > firstLine.chars().filter(c -> c == ',').count() ? ';' : ',';
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get().parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                if (rows.size() >= config.containers().maxSpreadsheetRows()) {
                    throw tooManyRows("a " + mediaType + " of more than " + config.containers().maxSpreadsheetRows() + " rows");
                }
                rows.add(record.toList());
            }
        } catch (IOException | UncheckedIOException e) {
            throw new ExtractionException(Kind.CORRUPT, "Tabellen är trasig och kunde inte läsas (ett citattecken som inte avslutas?).",
                    mediaType + ": " + e, e);
        }
        String name = declaredFilename == null ? "" : declaredFilename.replaceFirst("\\.[^.]*$", "");
        Spreadsheet spreadsheet = new Spreadsheet();
        spreadsheet.add(new Spreadsheet.Sheet(name, rows));
        return spreadsheetDocument(spreadsheet, mediaType);
    }

    private static ExtractedDocument spreadsheetDocument(Spreadsheet spreadsheet, String mediaType) throws ExtractionException {
        List<String> pages = spreadsheet.pages();
        if (pages.isEmpty()) {
            throw new ExtractionException(Kind.EMPTY, "Kalkylbladet innehåller bara siffror och tomma celler, ingen text att söka i eller koda. "
                    + "Lärarena läser fritextsvar och annan text i kalkylblad.", "a " + mediaType + " of numbers only");
        }
        return new ExtractedDocument(mediaType, String.join(String.valueOf(ExtractedDocument.PAGE_BREAK), pages), pages,
                DocumentMetadata.NONE, List.of());
    }

    private ExtractedDocument readSubtitles(Path file, long size, String mediaType) throws ExtractionException {
        List<SpeakerCue> cues = SubtitleParser.parse(decodedText(file, size));
        return new ExtractedDocument(mediaType, SubtitleParser.render(cues), List.of(), DocumentMetadata.NONE, cues);
    }

    private String decodedText(Path file, long size) throws ExtractionException {
        // A character takes at most four bytes in any encoding we read, so a larger file cannot fit the limit.
        if (size > 4L * config.maxOutputCharacters()) {
            throw tooMuchText("text file of " + size + " bytes");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ExtractionException(Kind.CORRUPT, "Filen kunde inte läsas.", e.toString(), e);
        }
        String text = PlainTextDecoder.decode(bytes).text();
        if (text.length() > config.maxOutputCharacters()) {
            throw tooMuchText("text file of " + text.length() + " characters");
        }
        return text;
    }

    private ExtractedDocument parseWithTika(Path file, String declaredFilename, String mediaType, DocumentFormat format)
            throws ExtractionException {
        Metadata metadata = new Metadata();
        if (declaredFilename != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, declaredFilename);
        }
        metadata.set(Metadata.CONTENT_TYPE, mediaType);
        metadata.set(DETECTED_TYPE, mediaType);
        if (ZIP_CONTAINERS.contains(format)) {
            String suspicion = ZipBombCheck.suspicion(file, config.maxCompressionRatio());
            if (suspicion != null) {
                throw zipBomb(suspicion, null);
            }
        }
        PageCollectingHandler handler = new PageCollectingHandler(config.maxOutputCharacters());
        SpreadsheetHandler sheets = format == DocumentFormat.SPREADSHEET
                ? new SpreadsheetHandler(config.maxOutputCharacters(), config.containers().maxSpreadsheetRows()) : null;
        ParseContext context = parseContext(format);
        NestingLimit nesting = new NestingLimit(embeddedExtractor(context), config.maxPackageDepth(),
                ExpansionBudget.forFile(config, sizeOf(file)), config.maxCompressionRatio(), config.containers().maxArchiveDepth(),
                format == DocumentFormat.EMAIL, detector);
        context.set(EmbeddedDocumentExtractor.class, nesting);
        boolean mboxFromLine = format == DocumentFormat.EMAIL && startsWithMboxFromLine(file);
        try (InputStream in = mboxFromLine ? TikaInputStream.get(withoutMboxFromLine(file)) : TikaInputStream.get(file, metadata)) {
            parser.parse(in, new BodyContentHandler(sheets != null ? sheets : handler), metadata, context);
        } catch (Throwable failure) {
            if (failure instanceof OutOfMemoryError oom) {
                throw oom;
            }
            throw classify(failure, mediaType);
        }
        if (nesting.bomb() != null) {
            throw zipBomb(nesting.bomb(), null);
        }
        if (nesting.archivesTooDeep()) {
            throw new ExtractionException(Kind.TOO_DEEPLY_NESTED, "Filen innehåller arkiv i arkiv (till exempel ett arkiv i ett arkiv "
                    + "i ett e-brev) i fler än " + config.containers().maxArchiveDepth() + " nivåer och avvisas. Packa upp arkiven "
                    + "och ladda upp dokumenten var för sig.", "archives and e-mails nested deeper than " + config.containers().maxArchiveDepth());
        }
        if (nesting.exceeded()) {
            throw tooDeeplyNested("embedded documents nested deeper than " + config.maxPackageDepth(), null);
        }
        if (sheets != null) {
            ExtractedDocument document = spreadsheetDocument(sheets.spreadsheet(), mediaType);
            return new ExtractedDocument(mediaType, document.text(), document.pages(), metadataOf(metadata), List.of());
        }
        List<String> pages = format.paged() ? handler.pages() : List.of();
        return new ExtractedDocument(mediaType, handler.text(), pages, metadataOf(metadata), List.of());
    }

    private ParsingEmbeddedDocumentExtractor embeddedExtractor(ParseContext context) {
        context.set(Parser.class, parser);
        ParsingEmbeddedDocumentExtractor extractor = new ParsingEmbeddedDocumentExtractor(context);
        // An attachment's file name is not part of the text.
        extractor.setWriteFileNameToContent(false);
        return extractor;
    }

    private ParseContext parseContext(DocumentFormat format) {
        ParseContext context = new ParseContext();
        boolean ocrThisFile = ocrAvailable && (format == DocumentFormat.PDF || format == DocumentFormat.IMAGE);
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setLanguage(OCR_LANGUAGE);
        // OCR of logos and photos inside office files adds noise, not text: only scans and images are read.
        ocr.setSkipOcr(!ocrThisFile);
        ocr.setTimeoutSeconds((int) Math.max(1, config.timePerFile().toSeconds()));
        context.set(TesseractOCRConfig.class, ocr);
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(ocrThisFile ? PDFParserConfig.OCR_STRATEGY.AUTO : PDFParserConfig.OCR_STRATEGY.NO_OCR);
        context.set(PDFParserConfig.class, pdf);
        return context;
    }

    private static DocumentMetadata metadataOf(Metadata metadata) {
        String title = blankToNull(metadata.get(TikaCoreProperties.TITLE));
        String author = blankToNull(metadata.get(TikaCoreProperties.CREATOR));
        if (author == null) {
            author = blankToNull(metadata.get("Message-From"));
        }
        Instant created = metadata.getDate(TikaCoreProperties.CREATED) == null ? null
                : metadata.getDate(TikaCoreProperties.CREATED).toInstant();
        String language = blankToNull(metadata.get(TikaCoreProperties.LANGUAGE));
        return new DocumentMetadata(title, author, created, language);
    }

    /** Turns whatever a parser threw into a reason a person understands. */
    private ExtractionException classify(Throwable failure, String mediaType) {
        String detail = describe(failure);
        String lower = detail.toLowerCase(Locale.ROOT);
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PageCollectingHandler.OutputLimitReached || t instanceof WriteLimitReachedException) {
                return tooMuchText(detail);
            }
            if (t instanceof SpreadsheetHandler.TooManyRows) {
                return tooManyRows(detail);
            }
            if (t instanceof EncryptedDocumentException || t instanceof org.apache.poi.EncryptedDocumentException
                    || t.getClass().getSimpleName().equals("InvalidPasswordException")) {
                return encrypted(detail);
            }
            if (t instanceof TikaMemoryLimitException) {
                return new ExtractionException(Kind.OUT_OF_MEMORY,
                        "Filen kräver mer minne än gränsen tillåter.", detail, failure);
            }
        }
        if (lower.contains("zip bomb") && lower.contains("package entry nesting")) {
            return tooDeeplyNested(detail, failure);
        }
        if (lower.contains("zip bomb") && lower.contains("nesting")) {
            return new ExtractionException(Kind.TOO_DEEPLY_NESTED, "Filens innehåll är nästlat i fler än "
                    + config.maxXmlDepth() + " nivåer och avvisas.", detail, failure);
        }
        if (lower.contains("zip bomb")) {
            return zipBomb(detail, failure);
        }
        return new ExtractionException(Kind.CORRUPT, "Filen är trasig eller avkortad och kunde inte läsas.",
                mediaType + ": " + detail, failure);
    }

    private static String describe(Throwable failure) {
        StringBuilder detail = new StringBuilder(String.valueOf(failure));
        for (Throwable t = failure.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            detail.append("; caused by ").append(t);
        }
        return detail.toString();
    }

    private ExtractionException tooDeeplyNested(String detail, Throwable cause) {
        ExtractionException failure = new ExtractionException(Kind.TOO_DEEPLY_NESTED, "Filen innehåller arkiv eller bilagor i fler än "
                + config.maxPackageDepth() + " nivåer och avvisas.", detail);
        return cause == null ? failure : (ExtractionException) failure.initCause(cause);
    }

    private static ExtractionException zipBomb(String detail, Throwable cause) {
        ExtractionException failure = new ExtractionException(Kind.ZIP_BOMB, ZIP_BOMB_REASON, detail);
        return cause == null ? failure : (ExtractionException) failure.initCause(cause);
    }

    private ExtractionException tooMuchText(String detail) {
        return new ExtractionException(Kind.TOO_MUCH_TEXT, String.format(Locale.ROOT,
                "Filen innehåller mer text än gränsen på %,d tecken.", config.maxOutputCharacters()).replace(',', ' '),
                detail);
    }

    private ExtractionException tooManyRows(String detail) {
        return new ExtractionException(Kind.TOO_MANY_PARTS, String.format(Locale.ROOT,
                "Kalkylbladet har fler än %,d rader och avvisas. Spara de kolumner och rader med text som behövs i en mindre fil.",
                config.containers().maxSpreadsheetRows()).replace(',', ' '), detail);
    }

    private static ExtractionException encrypted(String detail) {
        return new ExtractionException(Kind.ENCRYPTED,
                "Filen är krypterad eller lösenordsskyddad. Ta bort lösenordet och ladda upp den igen.", detail);
    }

    private static ExtractionException unsupported(String mediaType) {
        return new ExtractionException(Kind.UNSUPPORTED_TYPE, FileTypes.unsupportedReason(mediaType), "unsupported media type " + mediaType);
    }

    private static long sizeOf(Path file) throws ExtractionException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new ExtractionException(Kind.INTERNAL, "Filen kunde inte öppnas.", e.toString(), e);
        }
    }

    private static int messagesInMbox(Path file) throws ExtractionException {
        try {
            return ArchiveUnpacker.messagesIn(file);
        } catch (IOException | UncheckedIOException e) {
            throw new ExtractionException(Kind.CORRUPT, "Filen kunde inte läsas.", "mbox count failed: " + e, e);
        }
    }

    /** Whether the file starts with an mbox "From " line (a header would be "From:"). */
    private static boolean startsWithMboxFromLine(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(5), StandardCharsets.ISO_8859_1).equals("From ");
        } catch (IOException e) {
            return false;
        }
    }

    /** The file's bytes, less the leading mbox "From " line of a single saved e-mail. */
    private static InputStream withoutMboxFromLine(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            // Skipping the "From sender date" line.
        }
        return in;
    }

    private static boolean startsLikeSrt(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return SubtitleParser.looksLikeSrt(new String(in.readNBytes(200), StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            return false;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Whether the {@code tesseract} command runs and has the Swedish model. */
    static boolean tesseractHasSwedish() {
        try {
            Process process = new ProcessBuilder("tesseract", "--list-langs").redirectErrorStream(true).start();
            String languages = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0
                    && languages.lines().anyMatch(line -> line.strip().equals(OCR_LANGUAGE));
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
