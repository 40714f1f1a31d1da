package io.mapguard.engine;

import io.mapguard.engine.analysis.SharingPolicy;
import io.mapguard.engine.knowledge.ImmediateCallbacks;
import io.mapguard.engine.knowledge.MethodRef;
import io.mapguard.engine.knowledge.ThreadStartApis;
import io.mapguard.engine.report.Rule;
import io.mapguard.engine.rules.Rules;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * User options shared by every front end: disabled rules, extra entries for the immediate-callback
 * and thread-start tables, whether a race is reported once or at every access, and whether static
 * caches count as shared without other evidence.
 */
public final class AnalysisOptions {
  private final Set<Rule> enabled;
  private final ImmediateCallbacks immediate;
  private final ThreadStartApis threadStarts;
  private final boolean everyAccess;
  private final boolean staticCachesShared;
  private final boolean writeSummaries;

  private AnalysisOptions(
      Set<Rule> enabled,
      ImmediateCallbacks immediate,
      ThreadStartApis starts,
      boolean everyAccess,
      boolean staticCachesShared,
      boolean writeSummaries) {
    this.enabled = enabled;
    this.immediate = immediate;
    this.threadStarts = starts;
    this.everyAccess = everyAccess;
    this.staticCachesShared = staticCachesShared;
    this.writeSummaries = writeSummaries;
  }

  public static AnalysisOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public boolean isEnabled(Rule rule) {
    return enabled.contains(rule);
  }

  public ImmediateCallbacks immediateCallbacks() {
    return immediate;
  }

  public ThreadStartApis threadStartApis() {
    return threadStarts;
  }

  /**
   * Whether each unguarded access of a racing map is a finding of its own; by default a race is one
   * finding, at its most telling access, naming the others (see {@link
   * io.mapguard.engine.rules.FindingSink#findings}).
   */
  public boolean everyAccess() {
    return everyAccess;
  }

  /**
   * Whether a static non-thread-safe map that non-private methods write after construction, in a
   * class with no lock, task or other thread evidence (a library's lazily filled cache), is shared
   * by itself: any thread may call those methods. Off by default: then such a map is shared only
   * when a task of the project reaches a writer (docs/rules/UnsynchronizedSharedMap.md says why).
   */
  public boolean staticCachesShared() {
    return staticCachesShared;
  }

  /**
   * Whether the compiler route writes the summary of each class's calls into the class output
   * ({@link io.mapguard.engine.project.CallSummaries}); off by default, as it costs about 2% of a
   * compile (docs/performance.md). Reading the summaries on the class path is not optional: they
   * only add what other classes do.
   */
  public boolean writeSummaries() {
    return writeSummaries;
  }

  /** These options with {@link #writeSummaries()} set to {@code write}. */
  public AnalysisOptions withWriteSummaries(boolean write) {
    return new AnalysisOptions(enabled, immediate, threadStarts, everyAccess, staticCachesShared, write);
  }

  /** What the analysis and the rules read of these options ({@link SharingPolicy}). */
  public SharingPolicy sharingPolicy() {
    return new SharingPolicy(staticCachesShared);
  }

  /** Collects options; every parse error names the offending value. */
  public static final class Builder {
    private final Set<Rule> enabled = new TreeSet<>();
    private final List<MethodRef> immediate = new ArrayList<>();
    private final List<MethodRef> locking = new ArrayList<>();
    private final List<MethodRef> threadStarts = new ArrayList<>();
    private boolean everyAccess;
    private boolean staticCachesShared;
    private boolean writeSummaries;

    private Builder() {
      for (Rule rule : Rules.all()) {
        if (rule.enabledByDefault()) {
          enabled.add(rule);
        }
      }
    }

    /** Comma-separated rule names to turn off. */
    public Builder disable(String ruleNames) {
      for (String name : split(ruleNames)) {
        enabled.remove(rule(name));
      }
      return this;
    }

    /** Comma-separated rule names to turn on, e.g. the off-by-default MapCapacityHint. */
    public Builder enable(String ruleNames) {
      for (String name : split(ruleNames)) {
        enable(rule(name));
      }
      return this;
    }

    private static Rule rule(String name) {
      return Rules.byName(name)
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "unknown mapguard rule '" + name + "' (rules: " + ruleNames() + ")"));
    }

    private static String ruleNames() {
      return Rules.all().stream().map(Rule::ruleName).collect(Collectors.joining(", "));
    }

    public Builder enable(Rule rule) {
      enabled.add(rule);
      return this;
    }

    /** Comma-separated {@code Owner#method} entries. */
    public Builder immediateMethods(String refs) {
      split(refs).forEach(r -> immediate.add(MethodRef.parse(r)));
      return this;
    }

    /**
     * Comma-separated {@code Owner#method} entries: methods that run their callback arguments right
     * away holding a lock they are given ({@code Locks.withLock(lock, () -> …)}; see {@link
     * ImmediateCallbacks#withLocking}).
     */
    public Builder lockingCallbackMethods(String refs) {
      split(refs).forEach(r -> locking.add(MethodRef.parse(r)));
      return this;
    }

    /** Comma-separated {@code Owner#method} entries. */
    public Builder threadStartMethods(String refs) {
      split(refs).forEach(r -> threadStarts.add(MethodRef.parse(r)));
      return this;
    }

    /** Report every unguarded access of a race, not one finding per race. */
    public Builder everyAccess(boolean every) {
      everyAccess = every;
      return this;
    }

    /** Static caches count as shared without other evidence ({@link #staticCachesShared()}). */
    public Builder staticCachesShared(boolean shared) {
      staticCachesShared = shared;
      return this;
    }

    /** Whether the compiler route writes call summaries ({@link #writeSummaries()}). */
    public Builder writeSummaries(boolean write) {
      writeSummaries = write;
      return this;
    }

    public AnalysisOptions build() {
      return new AnalysisOptions(
          Set.copyOf(enabled),
          ImmediateCallbacks.defaults().with(immediate).withLocking(locking),
          ThreadStartApis.defaults().with(threadStarts),
          everyAccess,
          staticCachesShared,
          writeSummaries);
    }

    private static List<String> split(String list) {
      List<String> parts = new ArrayList<>();
      if (list == null) {
        return parts;
      }
      for (String part : list.split(",")) {
        if (!part.isBlank()) {
          parts.add(part.trim());
        }
      }
      return parts;
    }
  }
}
