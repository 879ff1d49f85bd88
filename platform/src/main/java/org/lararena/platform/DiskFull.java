package org.lararena.platform;

import java.nio.file.FileSystemException;
import java.util.Locale;

/**
 * Recognises a write that failed because the file system is full, and says so in words a researcher understands.
 * Java reports it only as an {@link java.io.IOException} whose message (or a file system exception's reason) is the
 * operating system's: "No space left on device" (ENOSPC) or "Disk quota exceeded" (EDQUOT).
 */
public final class DiskFull {

    /** The status of a request refused for a full disk: 507 Insufficient Storage. */
    public static final int STATUS = 507;
    /** What a document waiting for space says in its status (the pipeline's messages are Swedish). */
    public static final String WAITING_REASON = "Disken är full: dokumentet väntar och fortsätter av sig självt när det finns plats igen.";

    private DiskFull() {
    }

    /** Whether {@code failure}, or any of its causes, is a write refused for lack of space. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : t.getMessage();
            // Any kind: an extraction worker or a library may wrap the I/O error in its own exception with its message.
            if (message != null && isNoSpace(message)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNoSpace(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        return lower.contains("no space left on device") || lower.contains("disk quota exceeded");
    }

    /** The 507 that tells the caller the disk is full, what could not be written, and that nothing stored changed. */
    public static LararenaException refused(String what, Throwable cause) {
        return new LararenaException(STATUS, "disk_full", "the disk is full: " + what + " could not be written. Nothing already stored"
                + " was changed; an administrator frees space on the data directory's disk, then try again", cause);
    }
}
