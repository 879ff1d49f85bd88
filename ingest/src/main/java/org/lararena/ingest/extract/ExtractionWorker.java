package org.lararena.ingest.extract;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.lararena.ingest.extract.ExtractionException.Kind;

/**
 * The child JVM that parses files for a {@link DocumentExtractor}: it reads requests from stdin and writes
 * responses to stdout in the {@link WorkerProtocol}, one file at a time, until stdin closes. It is started
 * with {@code -Xmx} and {@code -XX:+ExitOnOutOfMemoryError}, so a file that exhausts memory ends this process
 * and nothing else. Not for use by other code: it is public only because the {@code java} launcher needs it.
 */
public final class ExtractionWorker {

    private ExtractionWorker() {
    }

    public static void main(String[] arguments) throws IOException {
        // Parsers and libraries sometimes print to System.out; stdout belongs to the protocol alone.
        DataOutputStream toParent = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        System.setOut(System.err);
        DataInputStream fromParent = new DataInputStream(new BufferedInputStream(System.in));

        InProcessExtraction extraction = new InProcessExtraction(WorkerProtocol.config(arguments));
        extraction.warmUp();
        WorkerProtocol.writeReady(toParent);
        for (WorkerProtocol.Request request = WorkerProtocol.readRequest(fromParent); request != null;
                request = WorkerProtocol.readRequest(fromParent)) {
            try {
                ExtractedDocument document = extraction.extract(Path.of(request.path()), request.declaredFilename(),
                        request.declaredMediaType(), Path.of(request.unpackDirectory()));
                WorkerProtocol.writeDocument(toParent, document);
            } catch (ExtractionException failure) {
                WorkerProtocol.writeFailure(toParent, failure);
            } catch (RuntimeException | StackOverflowError failure) {
                // A parser bug on a malformed file: the file is at fault, the worker can go on.
                WorkerProtocol.writeFailure(toParent, new ExtractionException(Kind.CORRUPT,
                        "Filen är trasig eller avkortad och kunde inte läsas.", failure.toString()));
            }
        }
        System.exit(0);
    }
}
