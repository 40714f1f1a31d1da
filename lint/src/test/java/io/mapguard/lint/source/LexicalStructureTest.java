package io.mapguard.lint.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LexicalStructureTest {
  private static final String SOURCE =
      "package p;\n"
          + "\n"
          + "@SuppressWarnings({\"a\", \"b\"})\n"
          + "public class Outer<T extends Comparable<T>> {\n"
          + "  private final Map<String, Integer> m = new HashMap<>(); // a field\n"
          + "\n"
          + "  @Deprecated(since = \"1\") void record(String key) throws IOException {\n"
          + "    if (key != null) {\n"
          + "      executor.submit(() -> { m.put(key, 1); });\n"
          + "    }\n"
          + "    Runnable r = new Runnable() {\n"
          + "      public void run() { m.clear(); }\n"
          + "    };\n"
          + "  }\n"
          + "\n"
          + "  static final class Inner implements Runnable {\n"
          + "    Inner(int x) { m.size(); }\n"
          + "  }\n"
          + "\n"
          + "  record Point(int x, int y) {\n"
          + "    Point { m.get(\"; {\"); }\n"
          + "  }\n"
          + "}\n";

  private final LexicalStructure structure = LexicalStructure.of(SOURCE);

  @Test
  void statementsAndDeclarationsAroundAPosition() {
    int put = structure.offset(9, 31);
    assertEquals("m.put(key,1);", structure.statementAt(put));
    assertEquals(List.of("class Outer", "record(Stringkey)"), structure.enclosingDeclarations(put));

    int clear = structure.offset(12, 27);
    assertEquals("m.clear();", structure.statementAt(clear));
    assertEquals(
        List.of("class Outer", "record(Stringkey)", "run()"),
        structure.enclosingDeclarations(clear));

    int size = structure.offset(17, 20);
    assertEquals(List.of("class Outer", "class Inner", "Inner(intx)"),
        structure.enclosingDeclarations(size));

    int get = structure.offset(21, 13);
    // the ";" and "{" in the literal are not code; like all white space, the literal's is dropped
    assertEquals("m.get(\";{\");", structure.statementAt(get));
    assertEquals(List.of("class Outer", "class Point"), structure.enclosingDeclarations(get));

    int field = structure.offset(5, 3);
    assertEquals(
        "privatefinalMap<String,Integer>m=newHashMap<>();", structure.statementAt(field));
    assertEquals(List.of("class Outer"), structure.enclosingDeclarations(field));
  }

  @Test
  void whiteSpaceAndCommentsChangeNothing() {
    String reformatted =
        SOURCE
            .replace("  ", "\t")
            .replace("m.put(key, 1);", "m.put( key,\n\t\t\t1 /* one */ );")
            .replace("void record(String key)", "void record(\n\tString key\n)");
    LexicalStructure other = LexicalStructure.of(reformatted);

    int put = SOURCE.indexOf("m.put");
    int putThere = reformatted.indexOf("m.put");
    assertEquals(structure.statementAt(put), other.statementAt(putThere));
    assertEquals(structure.enclosingDeclarations(put), other.enclosingDeclarations(putThere));
    assertEquals("m.put(key,1)", other.compactText(putThere, reformatted.indexOf("*/ )") + 3));
  }

  @Test
  void aBlockAroundAStatementIsNotADeclaration() {
    String wrapped =
        SOURCE.replace(
            "      executor.submit(() -> { m.put(key, 1); });\n",
            "      synchronized (this) { for (int i = 0; i < 2; i++) {\n"
                + "        executor.submit(() -> { m.put(key, 1); }); } }\n");
    LexicalStructure other = LexicalStructure.of(wrapped);

    assertEquals(
        List.of("class Outer", "record(Stringkey)"),
        other.enclosingDeclarations(other.offset(10, 33)));
  }

  @Test
  void positionsAreClampedAndBrokenCodeIsDescribedAsWellAsPossible() {
    LexicalStructure broken = LexicalStructure.of("class A {\n  void m() {\n    x.y(");

    assertEquals(List.of("class A", "m()"), broken.enclosingDeclarations(broken.offset(3, 5)));
    assertEquals("x.y(", broken.statementAt(broken.offset(99, 99)));
    assertEquals("", LexicalStructure.of("").statementAt(0));
  }
}
