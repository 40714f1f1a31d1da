package io.mapguard.lint.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SourceDecoderTest {
  @Test
  void utf8IsDecodedWithoutNote() {
    SourceDecoder.Decoded decoded =
        assertInstanceOf(
            SourceDecoder.Decoded.class,
            SourceDecoder.decode("class Caf\u00e9 {}".getBytes(StandardCharsets.UTF_8)));

    assertEquals("class Caf\u00e9 {}", decoded.text());
    assertEquals(Optional.empty(), decoded.note());
  }

  /** A U+FFFD written in the file is text; the same character where a byte was damaged is not. */
  @Test
  void aReplacementCharacterInTheFileIsNoDamage() {
    SourceDecoder.Decoded decoded =
        assertInstanceOf(
            SourceDecoder.Decoded.class,
            SourceDecoder.decode("// \uFFFD means unknown\nclass A {}".getBytes(StandardCharsets.UTF_8)));

    assertEquals("// \uFFFD means unknown\nclass A {}", decoded.text());
    assertEquals(Optional.empty(), decoded.note());
  }

  /** An encoded surrogate (ED A0 80) is no valid UTF-8, though a lenient decoder reads on. */
  @Test
  void anEncodedSurrogateIsDamage() {
    byte[] bytes = {'c', 'l', 'a', 's', 's', ' ', (byte) 0xED, (byte) 0xA0, (byte) 0x80};

    SourceDecoder.Decoded decoded =
        assertInstanceOf(SourceDecoder.Decoded.class, SourceDecoder.decode(bytes));

    SourceDecoder.Note note = decoded.note().orElseThrow();
    assertEquals(7, note.column());
    assertTrue(note.message().startsWith("not valid UTF-8 (byte 0xED)"), note.message());
  }

  @Test
  void utf8ByteOrderMarkIsDropped() {
    byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'c', 'l', 'a', 's', 's'};

    assertEquals("class", ((SourceDecoder.Decoded) SourceDecoder.decode(bytes)).text());
  }

  @Test
  void latin1FallsBackWithANoteAtTheBadByte() {
    byte[] bytes = "class A {\n  // \u00e9t\u00e9\n}".getBytes(StandardCharsets.ISO_8859_1);

    SourceDecoder.Decoded decoded =
        assertInstanceOf(SourceDecoder.Decoded.class, SourceDecoder.decode(bytes));

    assertTrue(decoded.text().contains("t"));
    SourceDecoder.Note note = decoded.note().orElseThrow();
    assertEquals(2, note.line());
    assertEquals(6, note.column());
    assertTrue(
        note.message().startsWith("not valid UTF-8 (byte 0xE9); decoded as "), note.message());
  }

  @Test
  void nulBytesMeanBinary() {
    SourceDecoder.Rejected rejected =
        assertInstanceOf(
            SourceDecoder.Rejected.class, SourceDecoder.decode(new byte[] {'a', 0, 'b'}));

    assertEquals("binary file (NUL byte at offset 1), not Java source; skipped", rejected.reason());
  }

  @Test
  void utf16WithByteOrderMarkIsDecoded() {
    byte[] bytes = "class A {}".getBytes(StandardCharsets.UTF_16);

    SourceDecoder.Decoded decoded =
        assertInstanceOf(SourceDecoder.Decoded.class, SourceDecoder.decode(bytes));

    assertEquals("class A {}", decoded.text());
    assertEquals(
        "file is UTF-16 (byte order mark); decoded as UTF-16",
        decoded.note().orElseThrow().message());
  }

  /** The mark says UTF-8: a stray Latin-1 byte is damage, not a reason to read the mark as text. */
  @Test
  void utf8ByteOrderMarkThenAnInvalidByteStaysUtf8() {
    byte[] text = "class A {\n  // caf\u00e9\n}\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] bytes = new byte[text.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(text, 0, bytes, 3, text.length);

    SourceDecoder.Decoded decoded =
        assertInstanceOf(SourceDecoder.Decoded.class, SourceDecoder.decode(bytes));

    assertEquals("class A {\n  // caf\uFFFD\n}\n", decoded.text());
    assertEquals(
        new SourceDecoder.Note(
            2,
            9,
            "not valid UTF-8 (byte 0xE9) after a UTF-8 byte order mark; invalid bytes read as"
                + " U+FFFD"),
        decoded.note().orElseThrow());
  }

  /** UTF-32LE's mark begins with UTF-16LE's: it used to be read as UTF-16, one NUL per char. */
  @Test
  void utf32WithByteOrderMarkIsDecoded() {
    for (String charset : new String[] {"UTF-32LE", "UTF-32BE"}) {
      byte[] bytes = ("\uFEFFclass A {}").getBytes(java.nio.charset.Charset.forName(charset));

      SourceDecoder.Decoded decoded =
          assertInstanceOf(SourceDecoder.Decoded.class, SourceDecoder.decode(bytes), charset);

      assertEquals("class A {}", decoded.text(), charset);
      assertEquals(
          "file is UTF-32 (byte order mark); decoded as UTF-32",
          decoded.note().orElseThrow().message());
    }
  }

  @Test
  void emptyInputIsEmptyText() {
    assertEquals("", ((SourceDecoder.Decoded) SourceDecoder.decode(new byte[0])).text());
  }
}
