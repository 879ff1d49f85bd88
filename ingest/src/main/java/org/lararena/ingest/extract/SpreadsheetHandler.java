package org.lararena.ingest.extract;

import java.io.Serial;
import java.util.ArrayList;
import java.util.List;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Collects the sheets of Tika's XHTML for a spreadsheet (Excel, OpenDocument): a sheet's name is the {@code <h1>}
 * before its {@code <table>}, a row a {@code <tr>}, a cell a {@code <td>}. Stops the parse when the text passes the
 * output limit, as {@link PageCollectingHandler} does, or its rows (all sheets together) pass the row limit.
 */
final class SpreadsheetHandler extends DefaultHandler {

    /** Thrown inside the parse when the rows pass the limit; recognised again by the extraction. */
    static final class TooManyRows extends SAXException {
        @Serial
        private static final long serialVersionUID = 1L;

        TooManyRows(int limit) {
            super("the spreadsheet has more than " + limit + " rows");
        }
    }

    private final int maxCharacters;
    private final int maxRows;
    private int rowCount;
    private final Spreadsheet spreadsheet = new Spreadsheet();
    private final StringBuilder heading = new StringBuilder();
    private final StringBuilder cell = new StringBuilder();
    private List<List<String>> rows;
    private List<String> row;
    private boolean inHeading;
    private boolean inCell;
    private int characters;

    SpreadsheetHandler(int maxCharacters, int maxRows) {
        this.maxCharacters = maxCharacters;
        this.maxRows = maxRows;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
        if ("tr".equals(localName) && ++rowCount > maxRows) {
            throw new TooManyRows(maxRows);
        }
        switch (localName) {
            case "h1" -> {
                inHeading = true;
                heading.setLength(0);
            }
            case "table" -> rows = new ArrayList<>();
            case "tr" -> row = new ArrayList<>();
            case "td", "th" -> {
                inCell = true;
                cell.setLength(0);
            }
            case "p", "br" -> {
                if (inCell && cell.length() > 0) {
                    cell.append('\n');
                }
            }
            default -> {
            }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        switch (localName) {
            case "h1" -> inHeading = false;
            case "td", "th" -> {
                inCell = false;
                if (row != null) {
                    row.add(cell.toString());
                }
            }
            case "tr" -> {
                if (rows != null && row != null) {
                    rows.add(row);
                }
                row = null;
            }
            case "table" -> {
                if (rows != null) {
                    spreadsheet.add(new Spreadsheet.Sheet(heading.toString(), rows));
                    heading.setLength(0);
                }
                rows = null;
            }
            default -> {
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        characters += length;
        if (characters > maxCharacters) {
            throw new PageCollectingHandler.OutputLimitReached(maxCharacters);
        }
        if (inCell) {
            cell.append(ch, start, length);
        } else if (inHeading) {
            heading.append(ch, start, length);
        }
    }

    Spreadsheet spreadsheet() {
        return spreadsheet;
    }
}
