package org.lararena.ingest.extract;

import java.io.Serial;
import java.util.ArrayList;
import java.util.List;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Collects the plain text of Tika's XHTML body, split into pages where the parser marks them
 * ({@code <div class="page">} for PDF, {@code <div class="slide-content">} for slides), and stops the parse
 * when the text passes the output limit.
 *
 * <p>Text outside any page (a slide deck's notes or masters, an attachment) belongs to the page before it,
 * or to the first page when it comes before every page, so no text is lost and page numbers stay right.
 */
final class PageCollectingHandler extends DefaultHandler {

    /** Thrown inside the parse when the text passes the limit; recognised again by the extraction. */
    static final class OutputLimitReached extends SAXException {
        @Serial
        private static final long serialVersionUID = 1L;

        OutputLimitReached(int limit) {
            super("the text passed the limit of " + limit + " characters");
        }
    }

    private final int maxCharacters;
    private final List<StringBuilder> pages = new ArrayList<>();
    private final StringBuilder beforeFirstPage = new StringBuilder();
    private StringBuilder current = beforeFirstPage;
    private int characters;

    PageCollectingHandler(int maxCharacters) {
        this.maxCharacters = maxCharacters;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        if ("div".equals(localName)) {
            String cssClass = attributes.getValue("class");
            if ("page".equals(cssClass) || "slide-content".equals(cssClass)) {
                current = new StringBuilder();
                pages.add(current);
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        append(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        append(ch, start, length);
    }

    private void append(char[] ch, int start, int length) throws SAXException {
        characters += length;
        if (characters > maxCharacters) {
            throw new OutputLimitReached(maxCharacters);
        }
        current.append(ch, start, length);
    }

    /** Each page's text; empty when the parser marked no pages. */
    List<String> pages() {
        List<String> texts = new ArrayList<>(pages.size());
        for (int i = 0; i < pages.size(); i++) {
            texts.add(i == 0 ? beforeFirstPage + pages.get(i).toString() : pages.get(i).toString());
        }
        return texts;
    }

    /** The whole text: the pages joined by {@link ExtractedDocument#PAGE_BREAK}, or all text when unpaged. */
    String text() {
        return pages.isEmpty() ? beforeFirstPage.toString() : String.join(String.valueOf(ExtractedDocument.PAGE_BREAK), pages());
    }
}
