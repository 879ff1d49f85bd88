package org.lararena.ingest.extract;

import java.io.Serial;
import java.util.Objects;

/**
 * Why a file could not be extracted. {@link #reason()} is Swedish and written for the person who uploaded
 * the file; {@link #detail()} is English and written for whoever reads the logs.
 */
public final class ExtractionException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    /** What went wrong, coarse enough for a caller to decide what to tell the user or whether to retry. */
    public enum Kind {
        /** The file has no bytes, or no text at all. */
        EMPTY(422),
        /** The content is of a type Lärarena does not read (program, archive, image without OCR, ...). */
        UNSUPPORTED_TYPE(415),
        /** The file is encrypted or password-protected. */
        ENCRYPTED(422),
        /** The file is damaged or cut short. */
        CORRUPT(422),
        /** Unpacking the file yields far more content than its size explains (a zip bomb). */
        ZIP_BOMB(422),
        /** Archives or embedded documents are nested deeper than allowed. */
        TOO_DEEPLY_NESTED(422),
        /** An archive, mailbox or spreadsheet holds more files, messages, rows or bytes than the configured limits. */
        TOO_MANY_PARTS(413),
        /** The text is longer than the configured limit. */
        TOO_MUCH_TEXT(413),
        /** Parsing needed more memory than the worker's heap limit. */
        OUT_OF_MEMORY(413),
        /** Parsing took longer than the time limit. */
        TIMEOUT(504),
        /** A PDF made of page images, and OCR is not available. */
        SCANNED_WITHOUT_OCR(422),
        /** Our fault: the worker could not be started or answered nonsense. */
        INTERNAL(500);

        private final int statusCode;

        Kind(int statusCode) {
            this.statusCode = statusCode;
        }

        /** An HTTP-like code: 4xx when the file is at fault, 5xx when we are. */
        public int statusCode() {
            return statusCode;
        }
    }

    private final Kind kind;
    private final String reason;
    private final String detail;

    public ExtractionException(Kind kind, String reason, String detail) {
        super(reason + " (" + detail + ")");
        this.kind = Objects.requireNonNull(kind);
        this.reason = Objects.requireNonNull(reason);
        this.detail = Objects.requireNonNull(detail);
    }

    public ExtractionException(Kind kind, String reason, String detail, Throwable cause) {
        this(kind, reason, detail);
        initCause(cause);
    }

    public Kind kind() {
        return kind;
    }

    /** In Swedish, for the person who uploaded the file: "Filen är krypterad eller lösenordsskyddad." */
    public String reason() {
        return reason;
    }

    /** In English, for the logs: the parser's own message or what the limit was. */
    public String detail() {
        return detail;
    }

    /** An HTTP-like code: 4xx when the file is at fault, 5xx when we are. */
    public int statusCode() {
        return kind.statusCode();
    }
}
