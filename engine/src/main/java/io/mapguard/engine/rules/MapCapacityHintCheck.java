package io.mapguard.engine.rules;

import io.mapguard.engine.report.FixHint;
import io.mapguard.engine.report.Rule;
import io.mapguard.engine.analysis.ClassAnalysis;
import io.mapguard.engine.knowledge.CapacityHints;
import io.mapguard.engine.model.MapCreation;
import java.util.List;
import java.util.Optional;

/**
 * {@code new HashMap<>(n)} with {@code n} the number of entries to come: the map is sized for n
 * buckets and resizes once it holds 0.75 n, so filling it rehashes anyway. Off by default: a
 * performance hint, not a bug.
 */
public final class MapCapacityHintCheck implements RuleCheck {
  @Override
  public Rule rule() {
    return Rule.MAP_CAPACITY_HINT;
  }

  @Override
  public void check(ClassAnalysis analysis, FindingSink sink) {
    for (MapCreation creation : analysis.facts().creations()) {
      Optional<String> factory = CapacityHints.sizedFactory(creation.type());
      if (factory.isEmpty()
          || !CapacityHints.isEntryCount(creation.argumentKind(), creation.argument())) {
        continue;
      }
      String simpleType = creation.type().substring(creation.type().lastIndexOf('.') + 1);
      String n = creation.argument();
      String message =
          "new "
              + simpleType
              + "<>("
              + n
              + ") at line "
              + creation.site().line()
              + " treats "
              + n
              + " as the table capacity, not the number of entries: the map grows once it holds"
              + " 0.75 of its capacity, so putting "
              + n
              + " entries can still rehash the whole table. Use "
              + factory.get()
              + "("
              + n
              + ") (JDK 19+), or new "
              + simpleType
              + "<>((int) Math.ceil("
              + n
              + " / 0.75)) on older JDKs.";
      // No evidence: the message cites only the finding's own line.
      sink.reportCreation(
          rule(),
          simpleType,
          creation.site(),
          message,
          List.of(new FixHint(FixHint.Kind.USE_SIZED_FACTORY, factory.get())));
    }
  }
}
