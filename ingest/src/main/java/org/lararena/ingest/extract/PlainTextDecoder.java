package org.lararena.ingest.extract;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes plain text (including Markdown, WebVTT and SRT) in the encodings Swedish files come in.
 *
 * <p>Statistical detectors guess wrong on short Swedish texts (a few å, ä, ö are not enough evidence), so the
 * rule is deterministic: a byte-order mark decides; else text that is valid UTF-8 is UTF-8 (legacy 8-bit
 * Swedish text is practically never valid UTF-8); else a pattern of zero bytes marks UTF-16 without a mark;
 * else it is Windows-1252, which agrees with ISO-8859-1 on every printable character and adds the
 * typographic quotes, dashes and € that Windows editors write in 0x80–0x9F.
 */
final class PlainTextDecoder {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private PlainTextDecoder() {
    }

    /** The text, and the name of the encoding it was read in. */
    record Decoded(String text, String charset) {
    }

    static Decoded decode(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), "UTF-8");
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), "UTF-16BE");
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), "UTF-16LE");
        }
        String utf8 = strictUtf8(bytes);
        if (utf8 != null && !looksLikeUtf16(bytes)) {
            return new Decoded(utf8, "UTF-8");
        }
        if (looksLikeUtf16(bytes)) {
            boolean bigEndian = zeroRatio(bytes, 0) > zeroRatio(bytes, 1);
            Charset charset = bigEndian ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
            return new Decoded(new String(bytes, charset), charset.name());
        }
        return new Decoded(new String(bytes, WINDOWS_1252), WINDOWS_1252.name());
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException notUtf8) {
            return null;
        }
    }

    /** Text in UTF-16 without a mark has a zero byte in (nearly) every other position for Latin script. */
    private static boolean looksLikeUtf16(byte[] bytes) {
        return bytes.length >= 4 && (zeroRatio(bytes, 0) > 0.4 || zeroRatio(bytes, 1) > 0.4);
    }

    private static double zeroRatio(byte[] bytes, int parity) {
        int sampled = 0;
        int zeros = 0;
        for (int i = parity; i < Math.min(bytes.length, 4096); i += 2) {
            sampled++;
            if (bytes[i] == 0) {
                zeros++;
            }
        }
        return sampled == 0 ? 0 : (double) zeros / sampled;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
