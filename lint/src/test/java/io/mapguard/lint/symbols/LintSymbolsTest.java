package io.mapguard.lint.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LintSymbolsTest {
  private static final Set<String> EXECUTOR_METHODS = Set.of("execute", "submit");

  /** Which sources make mapvet look for a class's maps and executors in other files of the tree. */
  @Test
  void callsOneOnFindsCallsOnSomethingOnly() {
    record Case(String line, boolean expected) {}
    List<Case> cases =
        List.of(
            new Case("    workers.execute(() -> jobs.merge(key, 1, Integer::sum));", true),
            new Case("    Loop.POOL.submit(task);", true),
            new Case("        .execute (task);", true), // a chained call continued on its own line
            new Case("    pool . submit(task);", true),
            new Case("    execute(task);", false), // the class's own method
            new Case("    statement.executeQuery(sql);", false),
            new Case("    new Thread(task).start();", false),
            new Case("    String s = \"execute\";", false),
            new Case("    pool.\n        execute(task);", true), // the dot ends the line before
            new Case("    execute(task);\n    x = y;", false));
    for (Case c : cases) {
      assertEquals(c.expected(), LintSymbols.callsOneOn(c.line(), EXECUTOR_METHODS), c.line());
    }
  }

  /** Which sources name a map field a superclass in another file may declare for them to inherit. */
  @Test
  void namesFindsWholeWordsOnly() {
    record Case(String line, boolean expected) {}
    List<Case> cases =
        List.of(
            new Case("    stock.merge(item, 1, Integer::sum);", true),
            new Case("    return this.stock.get(uri);", true),
            new Case("stock", true),
            new Case("    restock(item);", false),
            new Case("    stocks.clear();", false),
            new Case("    int stock2 = 0;", false),
            new Case("    int i = 0;\n    stock\n        .clear();", true));
    for (Case c : cases) {
      assertEquals(c.expected(), LintSymbols.names(c.line(), "stock"), c.line());
    }
  }
}
