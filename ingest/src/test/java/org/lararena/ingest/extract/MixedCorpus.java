package org.lararena.ingest.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

/**
 * A corpus of mixed documents in every supported format for the benchmarks, generated at run time in a
 * temporary folder from the paragraphs of the shared corpus (read in place) and text of our own. The same
 * seed gives the same files in every run.
 */
public final class MixedCorpus {

    public static final int PER_FORMAT = 20;
    public static final List<String> FORMATS = List.of("pdf", "docx", "odt", "rtf", "pptx", "html", "md", "txt", "vtt", "srt", "eml");
    private static final List<String> SPEAKERS = List.of("KAJSA", "LISBETH", "INTERVJUARE", "Respondent");

    /** Written for the mixed corpus; not from any real document. */
    private static final List<String> OWN_PARAGRAPHS = List.of(
            "Styrgruppen för piloten i länet träffades på vårdcentralen för att gå igenom vad det första halvåret har lärt oss om samverkan.",
            "Undersköterskorna i hemtjänsten berättade att de ofta är de första som ser att en äldre person blir sämre, men att de sällan vet vem de ska ringa.",
            "Vi bestämde att varje patient med många kontakter ska ha en fast vårdkontakt som känner till hela planen och kan samordna besöken.",
            "Invånarpanelen efterfrågade tydligare information om vart man vänder sig på kvällar och helger, särskilt för barnfamiljer.",
            "Projektledaren sammanfattade att arbetssättet kräver tid för gemensamma möten och att chefer ger personalen utrymme att prova nytt.",
            "Digitala vårdbesök fungerade bra för uppföljning av blodtryck och diabetes, men sämre för personer med nedsatt hörsel eller syn.",
            "Kommunens biståndshandläggare och regionens distriktssköterskor har nu en gemensam plats i journalsystemet för anteckningar om samordning.",
            "Nästa steg är att följa upp hur patienterna själva upplever förändringen, med korta intervjuer efter tre och sex månader.");

    private MixedCorpus() {
    }

    /**
     * Plain in-process Tika over the files, one at a time: the baseline of the benchmarks. Each file is read through
     * {@link TikaInputStream} from its path, as Tika advises and as the worker reads it, with OCR off.
     *
     * @return the nanoseconds it took
     */
    public static long plainTika(AutoDetectParser tika, List<Path> files) throws Exception {
        long start = System.nanoTime();
        for (Path file : files) {
            if (!hasText(tika, file)) {
                throw new AssertionError("plain Tika found no text in " + file.getFileName());
            }
        }
        return System.nanoTime() - start;
    }

    /**
     * The first {@code count} files of a folder, by name, that plain Tika finds text in: a file without text (an
     * empty test page, an image-only PDF) would time nothing on either side of a comparison. Prints those left out.
     */
    public static List<Path> withText(AutoDetectParser tika, Path folder, int count) throws IOException {
        List<Path> withText = new ArrayList<>();
        List<String> without = new ArrayList<>();
        try (Stream<Path> listed = Files.list(folder)) {
            for (Path file : listed.filter(Files::isRegularFile).sorted().toList()) {
                if (withText.size() == count) {
                    break;
                }
                if (hasText(tika, file)) {
                    withText.add(file);
                } else {
                    without.add(file.getFileName().toString());
                }
            }
        }
        if (!without.isEmpty()) {
            System.out.printf("left out, plain Tika finds no text in them: %s%n", without);
        }
        return withText;
    }

    /** Whether plain Tika (OCR off) finds any text in the file; a file it cannot parse has none. */
    public static boolean hasText(AutoDetectParser tika, Path file) throws IOException {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
        BodyContentHandler handler = new BodyContentHandler(-1);
        try (InputStream in = TikaInputStream.get(file, metadata)) {
            tika.parse(in, handler, metadata, plainTikaContext());
        } catch (TikaException | SAXException e) {
            return false;
        }
        return !handler.toString().isBlank();
    }

    /**
     * An empty parse context but for OCR, which is off as in the pipeline the benchmarks time ({@code withOcr(false)}):
     * where Tesseract is installed, Tika's defaults would otherwise OCR pages and images that the pipeline does not.
     */
    public static ParseContext plainTikaContext() {
        ParseContext context = new ParseContext();
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setSkipOcr(true);
        context.set(TesseractOCRConfig.class, ocr);
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        context.set(PDFParserConfig.class, pdf);
        return context;
    }

    /** Paragraphs of the shared corpus's text files (read in place), and this benchmark's own. */
    private static List<String> paragraphPool() throws IOException {
        List<String> pool = new ArrayList<>(OWN_PARAGRAPHS);
        for (String name : List.of("halsolabb-lagesrapport-2021.txt", "naravardpodden-ep33-transkript.txt")) {
            String text = Files.readString(TestCorpus.file(name), StandardCharsets.UTF_8);
            for (String block : text.split("\\n\\s*\\n")) {
                String paragraph = block.replaceAll("-\\s*\\n\\s*", "").replaceAll("\\s+", " ").strip();
                paragraph = paragraph.replaceFirst("^[\\p{Lu}]{2,}:\\s*", "");
                if (paragraph.split(" ").length >= 8) {
                    pool.add(paragraph);
                }
            }
        }
        return pool;
    }

    /** The corpus, written into {@code dir}: {@value #PER_FORMAT} files of each of {@link #FORMATS}. */
    public static List<Path> generate(Path dir) throws Exception {
        List<String> pool = paragraphPool();
        List<String> speakers = SPEAKERS;
        Random random = new Random(20261128);
        List<Path> files = new ArrayList<>();
        for (String format : FORMATS) {
            for (int n = 0; n < PER_FORMAT; n++) {
                List<String> paragraphs = new ArrayList<>();
                int count = 3 + random.nextInt(10);
                for (int i = 0; i < count; i++) {
                    paragraphs.add(pool.get(random.nextInt(pool.size())));
                }
                String title = "Dokument " + n + " om samverkan i vården";
                String name = format + "-" + n + "." + format;
                files.add(switch (format) {
                    case "pdf" -> GeneratedFixtures.pdf(dir, name, pdfPages(paragraphs));
                    case "docx" -> GeneratedFixtures.docx(dir, name, title, "Benchmark", paragraphs);
                    case "odt" -> GeneratedFixtures.openDocument(dir, name, "application/vnd.oasis.opendocument.text",
                            "<office:text>" + paragraphs.stream().map(p -> "<text:p>" + xml(p) + "</text:p>").collect(Collectors.joining()) + "</office:text>");
                    case "rtf" -> Files.writeString(dir.resolve(name), rtf(paragraphs), StandardCharsets.US_ASCII);
                    case "pptx" -> GeneratedFixtures.pptx(dir, name, paragraphs.stream().map(p -> List.of(title, p)).toList());
                    case "html" -> Files.writeString(dir.resolve(name), "<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>" + title
                            + "</title></head><body><h1>" + title + "</h1>" + paragraphs.stream().map(p -> "<p>" + xml(p) + "</p>").collect(Collectors.joining("\n"))
                            + "</body></html>");
                    case "md" -> Files.writeString(dir.resolve(name), "# " + title + "\n\n" + String.join("\n\n", paragraphs) + "\n");
                    case "txt" -> Files.writeString(dir.resolve(name), title + "\n\n" + String.join("\n\n", paragraphs) + "\n");
                    case "vtt" -> Files.writeString(dir.resolve(name), cues(paragraphs, speakers, true));
                    case "srt" -> Files.writeString(dir.resolve(name), cues(paragraphs, speakers, false));
                    case "eml" -> Files.writeString(dir.resolve(name), ("From: Projektledare <projekt@example.org>\nTo: Styrgrupp <styrgrupp@example.org>\n"
                            + "Subject: Minnesanteckningar " + n + "\nDate: Tue, 14 May 2024 10:00:00 +0200\nMIME-Version: 1.0\n"
                            + "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n" + String.join("\n\n", paragraphs) + "\n")
                            .replace("\n", "\r\n"));
                    default -> throw new IllegalStateException(format);
                });
            }
        }
        return files;
    }

    /** Lines of at most 90 characters, 45 to a page, in characters Helvetica's WinAnsi encoding has. */
    private static List<String> pdfPages(List<String> paragraphs) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : paragraphs) {
            StringBuilder line = new StringBuilder();
            for (String word : winAnsi(paragraph).split(" ")) {
                if (line.length() + word.length() + 1 > 90 && !line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.append(line.isEmpty() ? "" : " ").append(word);
            }
            lines.add(line.toString());
            lines.add("");
        }
        List<String> pages = new ArrayList<>();
        for (int i = 0; i < lines.size(); i += 45) {
            pages.add(String.join("\n", lines.subList(i, Math.min(lines.size(), i + 45))));
        }
        return pages;
    }

    private static String winAnsi(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.append(c < 256 && !Character.isISOControl(c) || "–—‘’“”…•€".indexOf(c) >= 0 ? Character.toString(c) : " "));
        return out.toString();
    }

    private static String rtf(List<String> paragraphs) {
        StringBuilder rtf = new StringBuilder("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Helvetica;}}\\f0\\fs22\n");
        for (String paragraph : paragraphs) {
            for (char c : paragraph.toCharArray()) {
                if (c == '\\' || c == '{' || c == '}') {
                    rtf.append('\\').append(c);
                } else if (c < 128) {
                    rtf.append(c);
                } else {
                    rtf.append("\\u").append((int) (short) c).append('?');
                }
            }
            rtf.append("\\par\n");
        }
        return rtf.append('}').toString();
    }

    private static String cues(List<String> paragraphs, List<String> speakers, boolean webVtt) {
        StringBuilder out = new StringBuilder(webVtt ? "WEBVTT\n\n" : "");
        int second = 0;
        for (int i = 0; i < paragraphs.size(); i++) {
            String speaker = speakers.get(i % 2 == 0 ? 0 : 1 + (i / 2) % (speakers.size() - 1));
            String from = time(second, webVtt);
            second += 5 + paragraphs.get(i).length() / 15;
            if (!webVtt) {
                out.append(i + 1).append('\n');
            }
            out.append(from).append(" --> ").append(time(second, webVtt)).append('\n')
                    .append(webVtt ? "<v " + speaker + ">" : speaker + ": ").append(paragraphs.get(i)).append("\n\n");
        }
        return out.toString();
    }

    private static String time(int seconds, boolean webVtt) {
        return String.format(Locale.ROOT, "%02d:%02d:%02d%s000", seconds / 3600, seconds / 60 % 60, seconds % 60, webVtt ? "." : ",");
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
