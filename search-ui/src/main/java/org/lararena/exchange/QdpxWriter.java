package org.lararena.exchange;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a {@link QdpxProject} as a QDPX zip ({@code project.qde} and one UTF-8 {@code sources/<guid>.txt} per source)
 * or its codebook as a QDC file, in the element order {@code Project.xsd} requires. Source variables become project
 * {@code Variables} (all of type Text: Lärarena's dates may be a year or a month) and the variable {@link #PILOT}
 * also groups the sources into one {@code Case} per pilot.
 */
final class QdpxWriter {

    static final String PROJECT_NAMESPACE = "urn:QDA-XML:project:1.0";
    static final String CODEBOOK_NAMESPACE = "urn:QDA-XML:codebook:1.0";
    static final String PILOT = "Pilot";
    static final String ORIGIN = "Lärarena";

    private QdpxWriter() {
    }

    /** The zip of a whole project. */
    static void writeProject(QdpxProject project, Instant now, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry("project.qde"));
        writeXml(zip, xml -> projectXml(project, now, xml));
        zip.closeEntry();
        for (QdpxProject.Source source : project.sources()) {
            zip.putNextEntry(new ZipEntry("sources/" + source.guid() + ".txt"));
            zip.write(source.text().text().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        zip.finish();
    }

    /** The codebook alone, as a QDC file. */
    static void writeCodebook(List<QdpxProject.Code> codes, OutputStream out) throws IOException {
        writeXml(out, xml -> {
            xml.writeStartElement("CodeBook");
            xml.writeDefaultNamespace(CODEBOOK_NAMESPACE);
            xml.writeAttribute("origin", ORIGIN);
            codes(codes, xml);
            xml.writeEndElement();
        });
    }

    private interface XmlBody {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static void writeXml(OutputStream out, XmlBody body) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(new NonClosing(out), "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            body.write(xml);
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("the XML could not be written: " + e.getMessage(), e);
        }
    }

    private static void projectXml(QdpxProject project, Instant now, XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement("Project");
        xml.writeDefaultNamespace(PROJECT_NAMESPACE);
        xml.writeAttribute("name", clean(project.name()));
        xml.writeAttribute("origin", ORIGIN);
        xml.writeAttribute("creationDateTime", now.toString());
        if (!project.users().isEmpty()) {
            xml.writeStartElement("Users");
            for (Map.Entry<String, String> user : project.users().entrySet()) {
                xml.writeEmptyElement("User");
                xml.writeAttribute("guid", user.getKey());
                xml.writeAttribute("name", clean(user.getValue()));
            }
            xml.writeEndElement();
        }
        if (!project.codes().isEmpty()) {
            xml.writeStartElement("CodeBook");
            codes(project.codes(), xml);
            xml.writeEndElement();
        }
        List<String> variables = project.sources().stream().flatMap(s -> s.variables().keySet().stream()).distinct().toList();
        if (!variables.isEmpty()) {
            xml.writeStartElement("Variables");
            for (String variable : variables) {
                xml.writeEmptyElement("Variable");
                xml.writeAttribute("guid", ExchangeGuids.variable(variable));
                xml.writeAttribute("name", clean(variable));
                xml.writeAttribute("typeOfVariable", "Text");
            }
            xml.writeEndElement();
        }
        cases(project.sources(), xml);
        if (!project.sources().isEmpty()) {
            xml.writeStartElement("Sources");
            for (QdpxProject.Source source : project.sources()) {
                source(source, xml);
            }
            xml.writeEndElement();
        }
        if (!project.notes().isEmpty()) {
            xml.writeStartElement("Notes");
            for (QdpxProject.Note note : project.notes()) {
                xml.writeStartElement("Note");
                xml.writeAttribute("guid", note.guid());
                xml.writeAttribute("name", clean(note.name()));
                if (note.creatingUser() != null) {
                    xml.writeAttribute("creatingUser", note.creatingUser());
                }
                if (note.created() != null) {
                    xml.writeAttribute("creationDateTime", note.created());
                }
                textElement(xml, "PlainTextContent", note.text());
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    /** One Case per pilot, naming its sources. */
    private static void cases(List<QdpxProject.Source> sources, XMLStreamWriter xml) throws XMLStreamException {
        Map<String, List<String>> byPilot = new LinkedHashMap<>();
        for (QdpxProject.Source source : sources) {
            String pilot = source.variables().get(PILOT);
            if (pilot != null) {
                byPilot.computeIfAbsent(pilot, p -> new ArrayList<>()).add(source.guid());
            }
        }
        if (byPilot.isEmpty()) {
            return;
        }
        xml.writeStartElement("Cases");
        for (Map.Entry<String, List<String>> pilot : byPilot.entrySet()) {
            xml.writeStartElement("Case");
            xml.writeAttribute("guid", ExchangeGuids.pilotCase(pilot.getKey()));
            xml.writeAttribute("name", clean(pilot.getKey()));
            for (String source : pilot.getValue()) {
                xml.writeEmptyElement("SourceRef");
                xml.writeAttribute("targetGUID", source);
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void source(QdpxProject.Source source, XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement("TextSource");
        xml.writeAttribute("guid", source.guid());
        xml.writeAttribute("name", clean(source.name()));
        xml.writeAttribute("plainTextPath", "internal://" + source.guid() + ".txt");
        for (QdpxProject.Selection selection : source.selections()) {
            xml.writeStartElement("PlainTextSelection");
            xml.writeAttribute("guid", selection.guid());
            if (selection.name() != null) {
                xml.writeAttribute("name", clean(selection.name()));
            }
            xml.writeAttribute("startPosition", Long.toString(selection.start()));
            xml.writeAttribute("endPosition", Long.toString(selection.end()));
            if (selection.creatingUser() != null) {
                xml.writeAttribute("creatingUser", selection.creatingUser());
            }
            for (QdpxProject.Coding coding : selection.codings()) {
                xml.writeStartElement("Coding");
                xml.writeAttribute("guid", coding.guid());
                if (coding.creatingUser() != null) {
                    xml.writeAttribute("creatingUser", coding.creatingUser());
                }
                xml.writeEmptyElement("CodeRef");
                xml.writeAttribute("targetGUID", coding.codeGuid());
                xml.writeEndElement();
            }
            noteRefs(selection.noteRefs(), xml);
            xml.writeEndElement();
        }
        noteRefs(source.noteRefs(), xml);
        for (Map.Entry<String, String> value : source.variables().entrySet()) {
            xml.writeStartElement("VariableValue");
            xml.writeEmptyElement("VariableRef");
            xml.writeAttribute("targetGUID", ExchangeGuids.variable(value.getKey()));
            textElement(xml, "TextValue", value.getValue());
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void noteRefs(List<String> guids, XMLStreamWriter xml) throws XMLStreamException {
        for (String guid : guids) {
            xml.writeEmptyElement("NoteRef");
            xml.writeAttribute("targetGUID", guid);
        }
    }

    /** {@code <Codes>} with the codes nested under their parents. */
    private static void codes(List<QdpxProject.Code> codes, XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement("Codes");
        for (QdpxProject.Code top : codes.stream().filter(c -> c.parentGuid() == null).toList()) {
            code(top, codes, xml);
        }
        xml.writeEndElement();
    }

    private static void code(QdpxProject.Code code, List<QdpxProject.Code> all, XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement("Code");
        xml.writeAttribute("guid", code.guid());
        xml.writeAttribute("name", clean(code.name()));
        xml.writeAttribute("isCodable", "true");
        if (code.color() != null) {
            xml.writeAttribute("color", code.color());
        }
        if (code.description() != null) {
            textElement(xml, "Description", code.description());
        }
        for (QdpxProject.Code narrower : all.stream().filter(c -> code.guid().equals(c.parentGuid())).toList()) {
            code(narrower, all, xml);
        }
        xml.writeEndElement();
    }

    private static void textElement(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(clean(text));
        xml.writeEndElement();
    }

    /** The text without the characters XML 1.0 cannot hold (control characters, lone surrogates). */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(cp -> cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    /** Keeps the XML writer from closing the zip stream under it. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
