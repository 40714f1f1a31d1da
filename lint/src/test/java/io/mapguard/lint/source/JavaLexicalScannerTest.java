package io.mapguard.lint.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JavaLexicalScannerTest {
  @Test
  void findsLineAndBlockCommentsWithPositions() {
    String source = "/** doc */\nclass A { // trailing\n  /* multi\n     line */ int x;\r\n// last";

    assertEquals(
        List.of(
            new Comment(Comment.Kind.BLOCK, 1, 1, 1, 10, "* doc "),
            new Comment(Comment.Kind.LINE, 2, 11, 2, 21, " trailing"),
            new Comment(Comment.Kind.BLOCK, 3, 3, 4, 12, " multi\n     line "),
            new Comment(Comment.Kind.LINE, 5, 1, 5, 7, " last")),
        JavaLexicalScanner.comments(source));
  }

  @Test
  void commentMarkersInLiteralsAreNotComments() {
    String source =
        "String a = \"// not\"; char b = '\"'; char c = '\\''; String d = \"\\\" /* not */\";\n"
            + "String e = \"\"\"\n   // not\n   \\\"\"\" still /* not */\n   \"\"\"; // yes\n";

    assertEquals(
        List.of(new Comment(Comment.Kind.LINE, 5, 9, 5, 14, " yes")),
        JavaLexicalScanner.comments(source));
  }

  @Test
  void unterminatedThingsEndQuietly() {
    assertEquals(
        List.of(new Comment(Comment.Kind.LINE, 2, 1, 2, 5, " ok")),
        JavaLexicalScanner.comments("String s = \"open\n// ok"));
    assertEquals(1, JavaLexicalScanner.comments("/* never closed\n\n").size());
    assertEquals(List.of(), JavaLexicalScanner.comments("\"\"\" never closed // no"));
  }

  @Test
  void codeOnlyBlanksCommentsAndLiteralsButKeepsLines() {
    String source = "package a.b; // c\n/* d\n */ class \"x\" {}";

    assertEquals("package a.b;     \n    \n    class     {}", JavaLexicalScanner.codeOnly(source));
  }

  @Test
  void codeOnlyAgreesWithTheFullScannerOnRandomText() {
    // codeOnly has its own fast loop; the scanner, run to the end, is the reference
    Random random = new Random(42);
    for (int n = 0; n < 5_000; n++) {
      String source = randomText(random, "/*\"'\\\n\ra ;", 40);
      assertEquals(JavaLexicalScanner.codeBefore(source, '\uFFFF'), JavaLexicalScanner.codeOnly(source), source);
    }
  }

  @Test
  void linesAgreeWithASplitOnEveryTerminatorOnRandomText() {
    Random random = new Random(7);
    for (int n = 0; n < 2_000; n++) {
      String source = randomText(random, "\n\rab", 12);
      assertEquals(List.of(source.split("\r\n|\r|\n", -1)), JavaLexicalScanner.lines(source), source);
    }
  }

  @Test
  void linesSplitOnEveryLineTerminatorAndKeepTheLastEmptyLine() {
    assertEquals(List.of("a", "b", "c", "", "d", ""), JavaLexicalScanner.lines("a\nb\r\nc\r\rd\n"));
    assertEquals(List.of(""), JavaLexicalScanner.lines(""));
  }

  @Test
  void codeBeforeStopsAtTheFirstSemicolonOfCode() {
    String source = "/* a; b */ // c;\n@Ann(\"x;y\") package p . q; import r.S;";

    String head = JavaLexicalScanner.codeBefore(source, ';');

    assertEquals("package p . q;", head.strip().replaceAll("^@Ann\\(\\s*\\)\\s*", ""));
    assertEquals(-1, head.indexOf("import"));
  }

  /** Up to {@code maxLength - 1} characters drawn from {@code alphabet}. */
  private static String randomText(Random random, String alphabet, int maxLength) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(maxLength); i > 0; i--) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }
}
