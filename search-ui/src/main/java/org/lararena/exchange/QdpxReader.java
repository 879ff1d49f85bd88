package org.lararena.exchange;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.lararena.platform.ConfigurationException;
import org.lararena.platform.LararenaException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads a QDPX file, refusing what could harm the server or the data with a 400 that names the problem: a file that
 * is not a zip or holds no {@code .qde}, a zip that unpacks to more than the limit (a zip bomb), XML with a DTD (never
 * resolved, so no external entity is ever fetched), XML that is not well-formed (with its line), XML that fails the
 * REFI-QDA {@code Project.xsd} when one is configured (with its line and the schema's message), a GUID used twice.
 * Without a schema the project is read all the same and carries a warning that it was not checked against it: the
 * schema is published with the standard, not shipped with Lärarena. Tolerates what real exports do: a {@code .qde} not
 * named {@code project.qde}, a byte-order mark, GUIDs in braces, a source whose plain text is missing (left out with a
 * warning). Thread-safe.
 */
final class QdpxReader {

    private static final String NAMESPACE = "urn:QDA-XML:project:1.0";
    /** A QDC file's namespace: its {@code CodeBook} has the same elements as the project's, in a namespace of its own. */
    private static final String CODEBOOK_NAMESPACE = QdpxWriter.CODEBOOK_NAMESPACE;
    private static final String INTERNAL = "internal://";
    private static final String RELATIVE = "relative://";
    private static final int MAX_ENTRIES = 100_000;
    private static final String SCHEMA_VARIABLE = "LARARENA_QDPX_SCHEMA";
    private static final String CODEBOOK_SCHEMA_VARIABLE = "LARARENA_QDC_SCHEMA";
    private static final String NOT_CHECKED_AGAINST_SCHEMA = "the project was not checked against the REFI-QDA schema (Project.xsd)"
            + " because " + SCHEMA_VARIABLE + " is not set; only Lärarena's own checks of the file were made";
    private static final String CODEBOOK_NOT_CHECKED = "the codebook was not checked against the REFI-QDA codebook schema (Codebook.xsd)"
            + " because " + CODEBOOK_SCHEMA_VARIABLE + " is not set; only Lärarena's own checks of the file were made";

    /** What one kind of REFI-QDA XML is checked against: its schema (when configured), named as the messages name it. */
    private record XmlKind(String what, String schemaName, Optional<Schema> schema) {
    }

    private final long maxUnpackedBytes;
    /** The REFI-QDA schema every project must follow; empty when none is configured. */
    private final Optional<Schema> schema;
    private final XmlKind project;
    private final XmlKind codebook;

    /**
     * @param maxUnpackedBytes the most the zip may unpack to, all entries read together
     * @param schemaFile the REFI-QDA {@code Project.xsd} ({@value #SCHEMA_VARIABLE}); one that cannot be read as a schema
     *                   is a configuration error, so the platform does not start
     */
    QdpxReader(long maxUnpackedBytes, Optional<Path> schemaFile) {
        this(maxUnpackedBytes, schemaFile, Optional.empty());
    }

    /**
     * @param codebookSchemaFile the REFI-QDA {@code Codebook.xsd} ({@value #CODEBOOK_SCHEMA_VARIABLE}) QDC files are
     *                           checked against; the same rules as for {@code schemaFile}
     */
    QdpxReader(long maxUnpackedBytes, Optional<Path> schemaFile, Optional<Path> codebookSchemaFile) {
        this.maxUnpackedBytes = maxUnpackedBytes;
        this.schema = schemaFile.map(file -> loadSchema(file, SCHEMA_VARIABLE, "Project.xsd", "project",
                "<Project xmlns=\"" + NAMESPACE + "\" name=\"p\"/>"));
        this.project = new XmlKind("project", "Project.xsd", schema);
        this.codebook = new XmlKind("codebook", "Codebook.xsd", codebookSchemaFile.map(file -> loadSchema(file, CODEBOOK_SCHEMA_VARIABLE,
                "Codebook.xsd", "codebook", "<CodeBook xmlns=\"" + CODEBOOK_NAMESPACE + "\"><Codes/></CodeBook>")));
    }

    /**
     * Reads a QDC codebook file: the same safe parsing and checks as a project's XML (DTDs refused, well-formedness
     * and the schema with their line, unique GUIDs), then its codes. A file of no more than the unpacked limit is read.
     * Blocking.
     *
     * @return a project holding the codes only, named after the file
     */
    QdpxProject readCodebook(Path file, String name) {
        byte[] xml;
        try {
            if (Files.size(file) > maxUnpackedBytes) {
                throw LararenaException.payloadTooLarge("the QDC file is larger than " + maxUnpackedBytes / (1024 * 1024)
                        + " MB (LARARENA_MAX_IMPORT_UNPACKED_MB)");
            }
            xml = Files.readAllBytes(file);
        } catch (IOException e) {
            throw LararenaException.badRequest("the QDC file could not be read: " + e.getMessage());
        }
        Document document = parseXml(xml, codebook);
        Element root = document.getDocumentElement();
        if (!"CodeBook".equals(root.getLocalName()) || !CODEBOOK_NAMESPACE.equals(root.getNamespaceURI())) {
            throw LararenaException.badRequest("the file is not a REFI-QDA codebook: its root element is " + root.getTagName()
                    + ", expected CodeBook in the namespace " + CODEBOOK_NAMESPACE);
        }
        requireUniqueGuids(root);
        List<String> warnings = new ArrayList<>();
        if (codebook.schema().isEmpty()) {
            warnings.add(CODEBOOK_NOT_CHECKED);
        }
        List<QdpxProject.Code> codes = new ArrayList<>();
        codes(child(root, "Codes"), null, codes);
        return new QdpxProject(name, root.getAttribute("origin"), Map.of(), codes, List.of(), List.of(), warnings);
    }

    /** Reads the project in {@code file}. Blocking. */
    QdpxProject read(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            return new Reading(zip).project();
        } catch (ZipException e) {
            throw LararenaException.badRequest("the file is not a QDPX project: it is not a zip archive (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw LararenaException.badRequest("the QDPX file could not be read: " + e.getMessage());
        }
    }

    /** The XML of one {@code .qde} or {@code .qdc}, parsed safely and validated against its schema when there is one. */
    private static Document parseXml(byte[] xml, XmlKind kind) {
        byte[] bytes = withoutByteOrderMark(xml);
        Document document;
        try {
            DocumentBuilder builder = secureFactory().newDocumentBuilder();
            builder.setErrorHandler(null);
            document = builder.parse(new ByteArrayInputStream(bytes));
        } catch (SAXParseException e) {
            if (e.getMessage() != null && e.getMessage().contains("DOCTYPE")) {
                throw LararenaException.badRequest("the " + kind.what() + " XML declares a DTD (<!DOCTYPE>); DTDs and external entities are refused,"
                        + " never resolved");
            }
            throw LararenaException.badRequest("the " + kind.what() + " XML is not well-formed at line " + e.getLineNumber() + ": " + e.getMessage());
        } catch (SAXException | IOException e) {
            throw LararenaException.badRequest("the " + kind.what() + " XML could not be read: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be made safe", e);
        }
        kind.schema().ifPresent(schema -> validate(schema, kind, bytes));
        return document;
    }

    private static void validate(Schema schema, XmlKind kind, byte[] bytes) {
        String failed = "the " + kind.what() + " XML does not follow the REFI-QDA schema (" + kind.schemaName() + ")";
        try {
            Validator validator = schema.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new StreamSource(new ByteArrayInputStream(bytes)));
        } catch (SAXParseException e) {
            throw LararenaException.badRequest(failed + " at line " + e.getLineNumber() + ": " + e.getMessage());
        } catch (SAXException | IOException e) {
            throw LararenaException.badRequest(failed + ": " + e.getMessage());
        }
    }

    private static DocumentBuilderFactory secureFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be made safe", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    /**
     * The schema in {@code file}, which must be the REFI-QDA one: any other schema (one that does not accept
     * {@code emptyXml}, an empty project or codebook) would refuse every import, so it is refused at start instead.
     */
    private static Schema loadSchema(Path file, String variable, String schemaName, String what, String emptyXml) {
        String advice = ": point it at the " + schemaName + " published with the REFI-QDA standard, or leave it unset";
        Schema loaded;
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            loaded = factory.newSchema(file.toFile());
        } catch (SAXException e) {
            throw new ConfigurationException(variable + " names " + file + ", which cannot be read as an XML schema ("
                    + e.getMessage() + ")" + advice, e);
        }
        try {
            loaded.newValidator().validate(new StreamSource(new StringReader(emptyXml)));
        } catch (SAXException | IOException e) {
            throw new ConfigurationException(variable + " names " + file + ", an XML schema that is not the REFI-QDA " + what + " schema"
                    + " (it refuses an empty " + what + ": " + e.getMessage() + ")" + advice, e);
        }
        return loaded;
    }

    static byte[] withoutByteOrderMark(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            return Arrays.copyOfRange(bytes, 3, bytes.length);
        }
        return bytes;
    }

    /** One reading of one zip: it counts every byte unpacked against the limit. */
    private final class Reading {

        private final ZipFile zip;
        /** Entries by their name in lower case (tools differ in the case of {@code sources/}). */
        private final Map<String, ZipEntry> entries = new HashMap<>();
        private final List<String> warnings = new ArrayList<>();
        private long unpacked;

        Reading(ZipFile zip) {
            this.zip = zip;
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                if (entries.size() >= MAX_ENTRIES) {
                    throw LararenaException.badRequest("the QDPX file holds more than " + MAX_ENTRIES + " files");
                }
                if (!entry.isDirectory()) {
                    entries.put(entry.getName().replace('\\', '/').toLowerCase(Locale.ROOT), entry);
                }
            }
        }

        QdpxProject project() {
            Document document = parseXml(bytes(projectEntry()), project);
            if (schema.isEmpty()) {
                warnings.add(NOT_CHECKED_AGAINST_SCHEMA);
            }
            requireUniqueGuids(document.getDocumentElement());
            Element root = document.getDocumentElement();
            Map<String, String> users = new LinkedHashMap<>();
            for (Element user : children(child(root, "Users"), "User")) {
                users.put(ExchangeGuids.normalised(user.getAttribute("guid")), user.hasAttribute("name") ? user.getAttribute("name") : "");
            }
            List<QdpxProject.Code> codes = new ArrayList<>();
            Element codeBook = child(root, "CodeBook");
            if (codeBook != null) {
                codes(child(codeBook, "Codes"), null, codes);
            }
            Map<String, String> variableNames = new HashMap<>();
            for (Element variable : children(child(root, "Variables"), "Variable")) {
                variableNames.put(ExchangeGuids.normalised(variable.getAttribute("guid")), variable.getAttribute("name"));
            }
            boolean ours = root.getAttribute("origin").startsWith(QdpxWriter.ORIGIN);
            List<QdpxProject.Source> sources = new ArrayList<>();
            Element sourcesElement = child(root, "Sources");
            for (Element source : children(sourcesElement, null)) {
                if (source.getLocalName().equals("TextSource")) {
                    sources.add(textSource(source, variableNames, ours));
                } else {
                    warnings.add("source '" + source.getAttribute("name") + "' is a " + source.getLocalName()
                            + "; Lärarena takes text sources only, so it was left out");
                }
            }
            List<QdpxProject.Note> notes = new ArrayList<>();
            for (Element note : children(child(root, "Notes"), "Note")) {
                Element content = child(note, "PlainTextContent");
                String text = content != null ? content.getTextContent() : plainTextAt(note.getAttribute("plainTextPath"));
                notes.add(new QdpxProject.Note(ExchangeGuids.normalised(note.getAttribute("guid")), note.getAttribute("name"), text,
                        guidOrNull(note, "creatingUser"), note.getAttribute("creationDateTime")));
            }
            return new QdpxProject(root.getAttribute("name"), root.getAttribute("origin"), users, codes, sources, notes, warnings);
        }

        /** {@code project.qde}, else the one {@code .qde} of the zip (ATLAS.ti names it after the project). */
        private ZipEntry projectEntry() {
            ZipEntry standard = entries.get("project.qde");
            if (standard != null) {
                return standard;
            }
            List<ZipEntry> qde = entries.entrySet().stream().filter(e -> e.getKey().endsWith(".qde")).map(Map.Entry::getValue).toList();
            if (qde.isEmpty()) {
                throw LararenaException.badRequest("the zip holds no .qde file, so it is not a QDPX project (expected project.qde)");
            }
            if (qde.size() > 1) {
                throw LararenaException.badRequest("the zip holds " + qde.size() + " .qde files and none is named project.qde;"
                        + " a QDPX project has exactly one");
            }
            return qde.get(0);
        }


        /** @param ours whether Lärarena wrote the file (then its passages are cut where Lärarena cut them) */
        private QdpxProject.Source textSource(Element source, Map<String, String> variableNames, boolean ours) {
            String name = source.hasAttribute("name") ? source.getAttribute("name") : "namnlös källa";
            Element content = child(source, "PlainTextContent");
            String text = null;
            if (content != null) {
                text = content.getTextContent();
            } else if (source.hasAttribute("plainTextPath")) {
                text = plainTextAt(source.getAttribute("plainTextPath"));
                if (text == null) {
                    warnings.add("source '" + name + "': its plain text (" + source.getAttribute("plainTextPath")
                            + ") is not in the file, so it and its codings were left out");
                }
            }
            byte[] richText = null;
            String richTextName = null;
            if (text == null && source.hasAttribute("richTextPath")) {
                String entry = entryName(source.getAttribute("richTextPath"));
                if (entry != null && entries.containsKey(entry)) {
                    richText = bytes(entries.get(entry));
                    String path = source.getAttribute("richTextPath").replace('\\', '/');
                    richTextName = path.substring(path.lastIndexOf('/') + 1);
                } else if (content == null && !source.hasAttribute("plainTextPath")) {
                    warnings.add("source '" + name + "': its rich text (" + source.getAttribute("richTextPath")
                            + ") is not in the file, so it and its codings were left out");
                }
            }
            List<QdpxProject.Selection> selections = new ArrayList<>();
            for (Element selection : children(source, "PlainTextSelection")) {
                List<QdpxProject.Coding> codings = new ArrayList<>();
                for (Element coding : children(selection, "Coding")) {
                    codings.add(new QdpxProject.Coding(ExchangeGuids.normalised(coding.getAttribute("guid")),
                            ExchangeGuids.normalised(child(coding, "CodeRef").getAttribute("targetGUID")), guidOrNull(coding, "creatingUser")));
                }
                selections.add(new QdpxProject.Selection(ExchangeGuids.normalised(selection.getAttribute("guid")),
                        selection.hasAttribute("name") ? selection.getAttribute("name") : null,
                        position(selection, "startPosition"), position(selection, "endPosition"),
                        guidOrNull(selection, "creatingUser"), codings, noteRefs(selection)));
            }
            if (!children(source, "Coding").isEmpty()) {
                warnings.add("source '" + name + "': " + children(source, "Coding").size()
                        + " coding(s) of the whole source were left out (Lärarena codes spans of passages)");
            }
            Map<String, String> variables = new LinkedHashMap<>();
            for (Element value : children(source, "VariableValue")) {
                String variable = variableNames.get(ExchangeGuids.normalised(child(value, "VariableRef").getAttribute("targetGUID")));
                Element typed = children(value, null).stream().filter(e -> !e.getLocalName().equals("VariableRef")).findFirst().orElse(null);
                if (variable != null && typed != null) {
                    variables.put(variable, typed.getTextContent().strip());
                }
            }
            return new QdpxProject.Source(ExchangeGuids.normalised(source.getAttribute("guid")), name,
                    text == null ? null : ours ? SourceText.splitAtPassageBreaks(withoutLeadingByteOrderMark(text))
                            : SourceText.split(withoutLeadingByteOrderMark(text)), richText, richTextName, selections, noteRefs(source), variables);
        }

        /** The UTF-8 text at {@code internal://} or {@code relative://} path, or null when the zip does not hold it. */
        private String plainTextAt(String path) {
            String entry = entryName(path);
            if (entry == null || !entries.containsKey(entry)) {
                return null;
            }
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes(entries.get(entry)))).toString();
            } catch (CharacterCodingException e) {
                throw LararenaException.badRequest("the plain text " + path + " is not UTF-8, as the standard requires");
            }
        }

        /** The zip entry a source path names ({@code internal://x} is {@code sources/x}), in lower case; null for others. */
        private String entryName(String path) {
            String name;
            if (path.startsWith(INTERNAL)) {
                name = "sources/" + path.substring(INTERNAL.length());
            } else if (path.startsWith(RELATIVE)) {
                name = path.substring(RELATIVE.length());
            } else {
                return null;
            }
            return name.replace('\\', '/').replaceFirst("^/+", "").toLowerCase(Locale.ROOT);
        }

        /** An entry's bytes, counted against the limit as they are unpacked (headers may lie about sizes). */
        private byte[] bytes(ZipEntry entry) {
            try (InputStream in = zip.getInputStream(entry)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[64 * 1024];
                int read;
                while ((read = in.read(buffer)) > 0) {
                    unpacked += read;
                    if (unpacked > maxUnpackedBytes) {
                        throw LararenaException.payloadTooLarge("the QDPX file unpacks to more than " + maxUnpackedBytes / (1024 * 1024)
                                + " MB (LARARENA_MAX_IMPORT_UNPACKED_MB); it is refused as a possible zip bomb");
                    }
                    out.write(buffer, 0, read);
                }
                return out.toByteArray();
            } catch (IOException e) {
                throw LararenaException.badRequest("the zip entry " + entry.getName() + " could not be unpacked: " + e.getMessage());
            }
        }
    }

    private static String withoutLeadingByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The codes under {@code parent}, depth first (a parent before its children), each with its parent's GUID. */
    private static void codes(Element parent, String parentGuid, List<QdpxProject.Code> into) {
        for (Element code : children(parent, "Code")) {
            String guid = ExchangeGuids.normalised(code.getAttribute("guid"));
            Element description = child(code, "Description");
            into.add(new QdpxProject.Code(guid, code.getAttribute("name"), description == null ? null : description.getTextContent(),
                    code.hasAttribute("color") ? code.getAttribute("color") : null, parentGuid));
            codes(code, guid, into);
        }
    }

    /** Every {@code guid} attribute of the document must be unique (compared without braces and case). */
    private static void requireUniqueGuids(Element root) {
        Map<String, String> seen = new HashMap<>();
        List<Element> pending = new ArrayList<>(List.of(root));
        while (!pending.isEmpty()) {
            Element element = pending.remove(pending.size() - 1);
            if (element.hasAttribute("guid")) {
                String guid = ExchangeGuids.normalised(element.getAttribute("guid"));
                String earlier = seen.putIfAbsent(guid, element.getLocalName());
                if (earlier != null) {
                    throw LararenaException.badRequest("the GUID " + element.getAttribute("guid") + " is used twice (by a " + earlier
                            + " and a " + element.getLocalName() + "); every GUID of a REFI-QDA file must be unique");
                }
            }
            pending.addAll(children(element, null));
        }
    }

    /** A selection's position; one too large for any text is refused (the schema allows any integer). */
    private static long position(Element selection, String attribute) {
        String value = selection.getAttribute(attribute).strip();
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw LararenaException.badRequest("selection " + selection.getAttribute("guid") + " has " + attribute + "=\"" + value
                    + "\", beyond any text");
        }
    }

    private static List<String> noteRefs(Element element) {
        return children(element, "NoteRef").stream().map(ref -> ExchangeGuids.normalised(ref.getAttribute("targetGUID"))).toList();
    }

    private static String guidOrNull(Element element, String attribute) {
        return element.hasAttribute(attribute) ? ExchangeGuids.normalised(element.getAttribute(attribute)) : null;
    }

    private static Element child(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The child elements of the project's (or a codebook's) namespace named {@code localName} (any name when null). */
    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && (NAMESPACE.equals(element.getNamespaceURI()) || CODEBOOK_NAMESPACE.equals(element.getNamespaceURI()))
                    && (localName == null || localName.equals(element.getLocalName()))) {
                found.add(element);
            }
        }
        return found;
    }
}
