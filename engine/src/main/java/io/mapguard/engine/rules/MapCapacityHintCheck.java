package io.mapguard.engine.rules;

import io.mapguard.engine.report.FixHint;
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
@RuleDefinition(
    name = "MapCapacityHint",
    summary =
        "new HashMap<>(n) with n the number of entries still resizes (n is a capacity, "
            + "filled to 0.75); use HashMap.newHashMap(n)",
    brief =
        "`new HashMap<>(n)` with `n` an entry count (`size()`, a length, a count) still "
            + "resizes; use `HashMap.newHashMap(n)`",
    order = 13,
    enabledByDefault = false,
    tags = "Performance",
    since = "0.1.0")
public final class MapCapacityHintCheck implements RuleCheck {
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
