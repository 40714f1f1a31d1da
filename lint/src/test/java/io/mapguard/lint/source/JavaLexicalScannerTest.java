package io.mapguard.lint.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
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
}
