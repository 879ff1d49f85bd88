package org.lararena.exchange;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/** Test helpers: zips written entry by entry, their entries read back, and the official schema from {@code ../shared}. */
final class QdpxFiles {

    static final String SHARED_SCHEMA = "../shared/refi-qda/Project.xsd";

    private QdpxFiles() {
    }

    /** A zip of these entries (name to content), in order. */
    static Path zip(Path dir, Map<String, byte[]> entries) throws IOException {
        Path file = Files.createTempFile(dir, "test-", ".qdpx");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    static Map<String, byte[]> entries(byte[] zipBytes) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipBytes), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The official {@code Project.xsd} beside the project; skips the test when it is absent. */
    static Path officialSchema() {
        Path schema = Path.of(System.getProperty("lararena.project.dir", "..")).resolve(SHARED_SCHEMA).normalize();
        assumeTrue(Files.isRegularFile(schema), "the REFI-QDA schema " + SHARED_SCHEMA + " (beside the project) is absent");
        return schema;
    }

    /** Validates XML against the official {@code Project.xsd} beside the project; skips the test when it is absent. */
    static void validateAgainstOfficialSchema(byte[] xml) throws IOException, SAXException {
        Path schema = officialSchema();
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        try (InputStream in = new ByteArrayInputStream(xml)) {
            factory.newSchema(schema.toFile()).newValidator().validate(new StreamSource(in));
        }
    }
}
