package io.mapguard.javac;

import com.sun.tools.javac.tree.JCTree;
import io.mapguard.engine.model.LockRef;
import java.util.Set;

/**
 * Test and triage switch: with the system property {@value #PROPERTY} set to {@code true}, a body
 * whose lock calls are structured ({@link StructuredLockRegions}) is also run through the dataflow
 * ({@link LockRegions}), and the two must name the same locks of those calls, in the same order, at
 * every tree asked about; a difference fails the class's analysis (one note naming the class, as any
 * internal error). The checker's tests and the findings snapshot set it. Monitors are not compared:
 * the dataflow keeps a monitor held on the exceptional path out of its block (into an enclosing
 * catch clause), where the block structure, as for bodies with only {@code synchronized} blocks,
 * has it released.
 */
final class LockRegionsCheck {
  static final String PROPERTY = "mapguard.internal.checkLockRegions";
  static final boolean ENABLED = Boolean.getBoolean(PROPERTY);

  private LockRegionsCheck() {}

  static HeldLocks compared(StructuredLockRegions structured, HeldLocks dataflow) {
    Set<LockRef> compared = structured.callLocks();
    return path -> {
      Set<LockRef> held = structured.heldAt(path);
      Set<LockRef> expected = dataflow.heldAt(path);
      if (!held.stream().filter(compared::contains).toList()
          .equals(expected.stream().filter(compared::contains).toList())) {
        throw new IllegalStateException(
            "lock regions differ at line "
                + path.getCompilationUnit().getLineMap().getLineNumber(((JCTree) path.getLeaf()).pos)
                + " ("
                + path.getLeaf()
                + "): structured "
                + held
                + ", dataflow "
                + expected);
      }
      return held;
    };
  }
}
