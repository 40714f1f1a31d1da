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

  @Test
  void emptyInputIsEmptyText() {
    assertEquals("", ((SourceDecoder.Decoded) SourceDecoder.decode(new byte[0])).text());
  }
}
