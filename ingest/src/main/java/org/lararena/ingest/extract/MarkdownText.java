package org.lararena.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The readable text of a Markdown file: what a reader sees, without the markup that would otherwise show in
 * passages and search snippets ({@code ## Rubrik}, {@code **fet**}, {@code [länk](url)}, front matter).
 * Headings and list items keep their own lines, so the segmenter still sees them as headings and lists.
 *
 * <p>A file whose sections are separated by thematic breaks ({@code ---} on a line of its own after a blank
 * line) is a slide deck written in Markdown (Marp, reveal.js, Pandoc slides): each section becomes a page.
 * Pure and thread-safe.
 */
final class MarkdownText {

    private static final Pattern THEMATIC_BREAK = Pattern.compile("^ {0,3}([-*_])[ \\t]*(?:\\1[ \\t]*){2,}$");
    private static final Pattern SETEXT_UNDERLINE = Pattern.compile("^ {0,3}(=+|-+)[ \\t]*$");
    private static final Pattern ATX_HEADING = Pattern.compile("^ {0,3}#{1,6}[ \\t]+(.*?)(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern BLOCK_QUOTE = Pattern.compile("^ {0,3}>[ \\t]?");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\([^)]*\\)");
    private static final Pattern AUTOLINK = Pattern.compile("<((?:https?|mailto):[^>\\s]+)>");
    private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1");
    private static final Pattern EMPHASIS = Pattern.compile("(?<![\\p{L}\\p{N}*_])([*_])(?=\\S)(.+?)(?<=\\S)\\1(?![\\p{L}\\p{N}*_])");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private MarkdownText() {
    }

    /** The text and, for a deck of sections separated by thematic breaks, its pages. */
    static ExtractedDocument read(String markdown, String mediaType) {
        List<String> lines = new ArrayList<>(markdown.replace("\r\n", "\n").replace('\r', '\n').lines().toList());
        dropFrontMatter(lines);
        List<String> sections = new ArrayList<>();
        StringBuilder section = new StringBuilder();
        boolean inFence = false;
        String previous = "";
        for (String line : lines) {
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                section.append(line).append('\n');
            } else if (THEMATIC_BREAK.matcher(line).matches() && previous.isBlank()) {
                sections.add(section.toString());
                section.setLength(0);
            } else if (SETEXT_UNDERLINE.matcher(line).matches() && !previous.isBlank()) {
                // The line above was a heading: it stays, the underline goes.
            } else {
                section.append(inline(block(line))).append('\n');
            }
            previous = line;
        }
        sections.add(section.toString());
        List<String> pages = sections.stream().map(String::strip).filter(page -> !page.isEmpty()).toList();
        if (pages.size() < 2) {
            return new ExtractedDocument(mediaType, String.join("\n\n", pages) + "\n", List.of(), DocumentMetadata.NONE, List.of());
        }
        return new ExtractedDocument(mediaType, String.join(String.valueOf(ExtractedDocument.PAGE_BREAK), pages), pages,
                DocumentMetadata.NONE, List.of());
    }

    /** YAML front matter ({@code ---} … {@code ---} at the very top) is metadata, not text. */
    private static void dropFrontMatter(List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
            return;
        }
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("---") || lines.get(i).strip().equals("...")) {
                lines.subList(0, i + 1).clear();
                return;
            }
        }
    }

    private static String block(String line) {
        Matcher heading = ATX_HEADING.matcher(line);
        if (heading.matches()) {
            return heading.group(1);
        }
        return BLOCK_QUOTE.matcher(line).replaceFirst("");
    }

    private static String inline(String line) {
        String text = IMAGE.matcher(line).replaceAll(match -> Matcher.quoteReplacement(match.group(1)));
        text = LINK.matcher(text).replaceAll(match -> Matcher.quoteReplacement(match.group(1)));
        text = AUTOLINK.matcher(text).replaceAll(match -> Matcher.quoteReplacement(match.group(1)));
        text = CODE.matcher(text).replaceAll(match -> Matcher.quoteReplacement(match.group(1)));
        text = STRONG.matcher(text).replaceAll(match -> Matcher.quoteReplacement(match.group(2)));
        return EMPHASIS.matcher(text).replaceAll(match -> Matcher.quoteReplacement(match.group(2)));
    }
}
