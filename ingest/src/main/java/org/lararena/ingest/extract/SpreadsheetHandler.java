package org.lararena.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Collects the sheets of Tika's XHTML for a spreadsheet (Excel, OpenDocument): a sheet's name is the {@code <h1>}
 * before its {@code <table>}, a row a {@code <tr>}, a cell a {@code <td>}. Stops the parse when the text passes the
 * output limit, as {@link PageCollectingHandler} does.
 */
final class SpreadsheetHandler extends DefaultHandler {

    private final int maxCharacters;
    private final Spreadsheet spreadsheet = new Spreadsheet();
    private final StringBuilder heading = new StringBuilder();
    private final StringBuilder cell = new StringBuilder();
    private List<List<String>> rows;
    private List<String> row;
    private boolean inHeading;
    private boolean inCell;
    private int characters;

    SpreadsheetHandler(int maxCharacters) {
        this.maxCharacters = maxCharacters;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
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
