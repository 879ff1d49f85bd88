package org.lararena.exchange;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Lärarena takes from a {@code .qde}: users, the codebook flattened (each code with its parent), text sources
 * with their selections and codings, and notes. GUIDs are {@link ExchangeGuids#normalised normalised}.
 *
 * @param origin the tool that wrote it, as it says (may be empty)
 * @param users user name by GUID
 * @param warnings what the reader left out, in words for the researcher
 */
record QdpxProject(String name, String origin, Map<String, String> users, List<Code> codes, List<Source> sources, List<Note> notes,
                   List<String> warnings) {

    /** A code; {@code parentGuid} is null for a top code. */
    record Code(String guid, String name, String description, String color, String parentGuid) {
    }

    /**
     * A text source.
     *
     * @param text the plain text, or null when the file has none for it
     * @param richText the rich text (DOCX, PDF) when the file has no plain text for the source but that, else null
     * @param richTextName its file name
     * @param variables variable values by variable name, as text
     */
    record Source(String guid, String name, SourceText text, byte[] richText, String richTextName, List<Selection> selections,
                  List<String> noteRefs, Map<String, String> variables) {
    }

    /** A span of a source; {@code start} and {@code end} as written (code points by the standard). */
    record Selection(String guid, String name, long start, long end, String creatingUser, List<Coding> codings,
                     List<String> noteRefs) {
    }

    record Coding(String guid, String codeGuid, String creatingUser) {
    }

    record Note(String guid, String name, String text, String creatingUser, String created) {
    }

    Optional<Code> code(String guid) {
        return codes.stream().filter(c -> c.guid().equals(guid)).findFirst();
    }

    /** The code's names from its top code down, joined by " / ". */
    String path(Code code) {
        StringBuilder path = new StringBuilder(code.name());
        Code at = code;
        for (int depth = 0; at.parentGuid() != null && depth < 100; depth++) {
            Optional<Code> parent = code(at.parentGuid());
            if (parent.isEmpty()) {
                break;
            }
            at = parent.get();
            path.insert(0, at.name() + " / ");
        }
        return path.toString();
    }
}
