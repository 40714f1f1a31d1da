package io.mapguard.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rule tables of the README, the user guide and mapvet's page ({@code --list-checks}) are what
 * the catalogue makes of them ({@link RuleTables}): a rule added, renamed, reordered or turned off
 * by default fails here until the tables are regenerated, with the command that does it.
 */
class RuleTablesTest {
  static List<RuleTables.Table> tables() {
    return RuleTables.TABLES;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tables")
  void tableIsWhatTheCatalogueMakes(RuleTables.Table table) throws IOException {
    String text = Files.readString(table.file());
    String generated = RuleTables.replaceTable(text, table.body().get());
    if (Boolean.getBoolean(RuleTables.WRITE)) {
      if (!generated.equals(text)) {
        Files.writeString(table.file(), generated);
      }
      return;
    }
    assertEquals(
        generated,
        text,
        table.file().normalize()
            + ": the rule table is not what the rules' @RuleDefinitions make; regenerate it with\n  "
            + RuleTables.REGENERATE
            + "\n");
  }
}
