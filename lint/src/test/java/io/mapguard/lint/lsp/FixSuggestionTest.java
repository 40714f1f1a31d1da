package io.mapguard.lint.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mapguard.engine.report.FixHint;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every fix hint's sentence, as the reports print it, reads back into the same fix. */
class FixSuggestionTest {
  private static FixHint hint(FixHint.Kind kind) {
    switch (kind) {
      case WRAP_SYNCHRONIZED:
        return new FixHint(kind, "this.lock");
      case EXTEND_SYNCHRONIZED:
        return new FixHint(kind, "lock", "42");
      case ADD_GUARDED_BY:
        return new FixHint(kind, "lock", "javax.annotation.concurrent.GuardedBy");
      case MERGE:
        return new FixHint(kind, "Long::sum");
      case USE_SIZED_FACTORY:
        return new FixHint(kind, "LinkedHashMap.newLinkedHashMap");
      default:
        return new FixHint(kind, null);
    }
  }

  @Test
  void everyKindReadsBack() {
    Set<FixHint.Kind> subjectNamed =
        EnumSet.of(
            FixHint.Kind.ADD_GUARDED_BY,
            FixHint.Kind.USE_CONCURRENT_HASH_MAP,
            FixHint.Kind.COMPUTE_IF_ABSENT,
            FixHint.Kind.MERGE);
    for (FixHint.Kind kind : FixHint.Kind.values()) {
      FixHint hint = hint(kind);
      String sentence = hint.suggestion("counts");
      FixSuggestion read =
          FixSuggestion.parse(sentence).orElseThrow(() -> new AssertionError(kind + ": " + sentence));
      assertEquals(kind, read.kind(), sentence);
      assertEquals(hint.lock(), read.lock(), sentence);
      assertEquals(hint.detail(), read.detail(), sentence);
      assertEquals(subjectNamed.contains(kind) ? "counts" : null, read.subject(), sentence);
    }
  }

  @Test
  void mapguardsOwnGuardedByReadsBackToo() {
    FixSuggestion read =
        FixSuggestion.parse(new FixHint(FixHint.Kind.ADD_GUARDED_BY, "this").suggestion("m")).orElseThrow();
    assertEquals(FixHint.DEFAULT_GUARDED_BY, read.detail());
    assertEquals("this", read.lock());
  }

  @Test
  void otherSentencesAreNoFix() {
    assertEquals(Optional.empty(), FixSuggestion.parse("Hand out a copy."));
    assertTrue(FixSuggestion.parse("").isEmpty());
  }
}
