package org.lararena.ingest.extract;

import java.util.Locale;
import java.util.Map;

/**
 * File types by the names researchers know them ("Excel-kalkylblad", "Word-dokument"), and what to do with a type
 * Lärarena does not read. Reasons shown to people use these; media types stay in the technical detail.
 */
final class FileTypes {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("application/pdf", "PDF"),
            Map.entry("application/msword", "Word-dokument"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word-dokument"),
            Map.entry("application/vnd.ms-word.document.macroenabled.12", "Word-dokument med makron"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.template", "Word-mall"),
            Map.entry("application/vnd.ms-excel", "Excel-kalkylblad"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel-kalkylblad"),
            Map.entry("application/vnd.ms-excel.sheet.macroenabled.12", "Excel-kalkylblad med makron"),
            Map.entry("application/vnd.ms-excel.sheet.binary.macroenabled.12", "Excel-kalkylblad"),
            Map.entry("application/vnd.ms-powerpoint", "PowerPoint-presentation"),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint-presentation"),
            Map.entry("application/vnd.oasis.opendocument.text", "OpenDocument-text"),
            Map.entry("application/vnd.oasis.opendocument.spreadsheet", "OpenDocument-kalkylblad"),
            Map.entry("application/vnd.oasis.opendocument.presentation", "OpenDocument-presentation"),
            Map.entry("application/vnd.oasis.opendocument.graphics", "OpenDocument-teckning"),
            Map.entry("application/rtf", "RTF-dokument"),
            Map.entry("application/vnd.apple.pages", "Pages-dokument"),
            Map.entry("application/vnd.apple.numbers", "Numbers-kalkylblad"),
            Map.entry("application/vnd.apple.keynote", "Keynote-presentation"),
            Map.entry("application/vnd.ms-outlook", "Outlook-meddelande (MSG)"),
            Map.entry("application/mbox", "e-postlåda (mbox)"),
            Map.entry("message/rfc822", "e-postmeddelande"),
            Map.entry("application/epub+zip", "e-bok (EPUB)"),
            Map.entry("application/zip", "ZIP-arkiv"),
            Map.entry("application/x-7z-compressed", "7z-arkiv"),
            Map.entry("application/x-rar-compressed", "RAR-arkiv"),
            Map.entry("application/vnd.rar", "RAR-arkiv"),
            Map.entry("application/gzip", "gzip-arkiv"),
            Map.entry("application/x-gtar", "tar-arkiv"),
            Map.entry("application/x-tar", "tar-arkiv"),
            Map.entry("application/x-bzip2", "bzip2-arkiv"),
            Map.entry("application/x-executable", "program"),
            Map.entry("application/x-msdownload", "Windows-program"),
            Map.entry("application/x-dosexec", "Windows-program"),
            Map.entry("application/x-sharedlib", "programbibliotek"),
            Map.entry("application/x-mach-o-executable", "Mac-program"),
            Map.entry("application/x-sqlite3", "databas (SQLite)"),
            Map.entry("application/json", "JSON-data"),
            Map.entry("application/octet-stream", "okänd binärfil"),
            Map.entry("text/html", "webbsida (HTML)"),
            Map.entry("text/plain", "textfil"),
            Map.entry("text/vtt", "undertextfil (VTT)"),
            Map.entry("application/x-subrip", "undertextfil (SRT)"));

    private FileTypes() {
    }

    /** The common name of a media type; for a type without one, its family ("ljudfil (MP3)") or the type itself. */
    static String name(String mediaType) {
        String named = NAMES.get(mediaType);
        if (named != null) {
            return named;
        }
        String subtype = mediaType.substring(mediaType.indexOf('/') + 1).replaceFirst("^(x-|vnd\\.)", "").toUpperCase(Locale.ROOT);
        return switch (family(mediaType)) {
            case "audio" -> "ljudfil (" + subtype + ")";
            case "video" -> "videofil (" + subtype + ")";
            case "image" -> "bild (" + subtype + ")";
            default -> "okänd filtyp (" + mediaType + ")";
        };
    }

    /** Why a type is not read and what to do instead, as a sentence for the uploader. */
    static String unsupportedReason(String mediaType) {
        String name = name(mediaType);
        String family = family(mediaType);
        if (family.equals("audio") || family.equals("video")) {
            return "Lärarena läser inte ljud eller video (" + name + "). Ladda upp en utskrift av inspelningen i stället, "
                    + "som VTT, SRT eller DOCX.";
        }
        if (name.endsWith("arkiv")) {
            return "Filtypen stöds inte: " + name + ". Packa upp arkivet och ladda upp dokumenten ett och ett.";
        }
        if (name.contains("program")) {
            return "Filtypen stöds inte: " + name + ". Program kan inte laddas upp, bara dokument.";
        }
        return "Filtypen stöds inte: " + name + ". Spara eller exportera filen som PDF eller DOCX och ladda upp den igen.";
    }

    /** A file name inside a file, as shown in text: its last folder-free part, without control or invisible characters. */
    static String shownName(String name) {
        String base = name.replace('\\', '/');
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\\p{Cf}]", "").strip();
    }

    private static String family(String mediaType) {
        int slash = mediaType.indexOf('/');
        return slash < 0 ? "" : mediaType.substring(0, slash);
    }
}
