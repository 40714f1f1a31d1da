package io.mapguard.lint.source;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns a file's bytes into source text. Java sources are UTF-8 almost everywhere, so UTF-8 is
 * decoded strictly: a silent replacement character would shift nothing but could hide a corrupt
 * file. Legacy files (Latin-1, windows-1252) are still analysed, with a note saying how they were
 * read, because the lint result does not depend on the bytes of string literals.
 */
public final class SourceDecoder {
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final byte[] UTF32BE_BOM = {0, 0, (byte) 0xFE, (byte) 0xFF};
  private static final byte[] UTF32LE_BOM = {(byte) 0xFF, (byte) 0xFE, 0, 0};

  private SourceDecoder() {}

  /** What decoding produced: text to analyse, or a reason the file is not Java source at all. */
  public sealed interface Result permits Decoded, Rejected {}

  /**
   * @param note set when the text was not read as plain UTF-8, e.g. the fallback charset used
   */
  public record Decoded(String text, Optional<Note> note) implements Result {}

  /** A remark about the decoding, placed at the first byte that made it necessary. */
  public record Note(int line, int column, String message) {}

  public record Rejected(String reason) implements Result {}

  public static Result decode(byte[] bytes) {
    // UTF-32 and UTF-16 are full of NUL bytes, so they must be recognised before the binary check;
    // UTF-32 first, since its little-endian mark begins with UTF-16's (FF FE).
    if (startsWith(bytes, UTF32BE_BOM) || startsWith(bytes, UTF32LE_BOM)) {
      Charset utf32 = Charset.forName(startsWith(bytes, UTF32BE_BOM) ? "UTF-32BE" : "UTF-32LE");
      return new Decoded(
          new String(bytes, UTF32BE_BOM.length, bytes.length - UTF32BE_BOM.length, utf32),
          Optional.of(new Note(1, 1, "file is UTF-32 (byte order mark); decoded as UTF-32")));
    }
    if (startsWith(bytes, new byte[] {(byte) 0xFE, (byte) 0xFF})
        || startsWith(bytes, new byte[] {(byte) 0xFF, (byte) 0xFE})) {
      return new Decoded(
          new String(bytes, StandardCharsets.UTF_16),
          Optional.of(new Note(1, 1, "file is UTF-16 (byte order mark); decoded as UTF-16")));
    }
    int nul = indexOf(bytes, (byte) 0);
    if (nul >= 0) {
      return new Rejected("binary file (NUL byte at offset " + nul + "), not Java source; skipped");
    }
    int start = startsWith(bytes, UTF8_BOM) ? UTF8_BOM.length : 0;
    // the JDK's own decoding, much faster than a decoder's (2% of a scan of guava), replaces every
    // malformed sequence by U+FFFD: a text without one was valid UTF-8; with one, the strict decoder
    // tells a damaged byte from a U+FFFD written in the file
    String lenient = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    if (lenient.indexOf('\uFFFD') < 0) {
      return new Decoded(lenient, Optional.empty());
    }
    Strict utf8 =
        decodeStrictly(ByteBuffer.wrap(bytes, start, bytes.length - start), StandardCharsets.UTF_8);
    if (utf8.text() != null) {
      return new Decoded(utf8.text(), Optional.empty());
    }
    int badOffset = utf8.badOffset();
    if (start > 0) {
      // The mark says UTF-8, so a bad byte is damage to a UTF-8 file, not another charset; reading
      // it as Latin-1 would turn the mark itself into text and the file into a parse error.
      return new Decoded(
          new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8),
          Optional.of(
              new Note(
                  lineOf(bytes, badOffset),
                  columnOf(bytes, badOffset, start),
                  String.format(
                      "not valid UTF-8 (byte 0x%02X) after a UTF-8 byte order mark; invalid bytes"
                          + " read as U+FFFD",
                      bytes[badOffset] & 0xFF))));
    }
    Charset fallback = fallbackCharset(bytes);
    String detail =
        String.format(
            "not valid UTF-8 (byte 0x%02X); decoded as %s%s",
            bytes[badOffset] & 0xFF,
            fallback.name(),
            fallback.equals(Charset.defaultCharset()) ? " (the platform charset)" : "");
    return new Decoded(
        new String(bytes, fallback),
        Optional.of(new Note(lineOf(bytes, badOffset), columnOf(bytes, badOffset, 0), detail)));
  }

  /**
   * The platform charset when it reads the bytes cleanly, else ISO-8859-1 (which reads anything).
   */
  private static Charset fallbackCharset(byte[] bytes) {
    Charset platform = Charset.defaultCharset();
    if (!platform.equals(StandardCharsets.UTF_8)
        && decodeStrictly(ByteBuffer.wrap(bytes), platform).text() != null) {
      return platform;
    }
    return StandardCharsets.ISO_8859_1;
  }

  /** Either the text, or the offset of the first byte {@code charset} cannot decode. */
  private record Strict(String text, int badOffset) {}

  private static Strict decodeStrictly(ByteBuffer input, Charset charset) {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    // Every charset used here yields at most one char per byte (UTF-8, single-byte charsets) or
    // two per byte in the worst case of a few legacy ones: size for the worst case once.
    CharBuffer output =
        CharBuffer.allocate(
            (int)
                Math.min(
                    Integer.MAX_VALUE - 8,
                    16 + (long) input.remaining() * (long) Math.ceil(decoder.maxCharsPerByte())));
    CoderResult result = decoder.decode(input, output, true);
    if (!result.isError()) {
      result = decoder.flush(output);
    }
    if (result.isError()) {
      return new Strict(null, input.position());
    }
    return new Strict(output.flip().toString(), -1);
  }

  private static int lineOf(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  /** The 1-based column of the byte at {@code offset}, text starting at {@code textStart}. */
  private static int columnOf(byte[] bytes, int offset, int textStart) {
    int lineStart = offset;
    while (lineStart > textStart && bytes[lineStart - 1] != '\n') {
      lineStart--;
    }
    return offset - lineStart + 1;
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] bytes, byte value) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == value) {
        return i;
      }
    }
    return -1;
  }
}
