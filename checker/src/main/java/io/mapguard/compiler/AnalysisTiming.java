package io.mapguard.compiler;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * With {@code -J-D}{@value #PROPERTY}{@code =true}, the CPU time the analysis takes (facts, then
 * rules, and the call summaries written) is added up over the whole JVM and printed to stderr when it exits. A whole compile varies
 * by several percent from run to run on a shared machine, more than the plugin costs: this is how
 * docs/performance.md compares two builds of the plugin's own work.
 */
final class AnalysisTiming {
  static final String PROPERTY = "mapguard.timing";
  private static final boolean ENABLED = Boolean.getBoolean(PROPERTY);
  private static final AtomicLong EXTRACTION_NANOS = new AtomicLong();
  private static final AtomicLong RULES_NANOS = new AtomicLong();
  private static final AtomicLong SUMMARIES_NANOS = new AtomicLong();
  private static final AtomicLong CLASSES = new AtomicLong();

  static {
    if (ENABLED) {
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () ->
                      System.err.printf(
                          "mapguard timing: %d classes, facts %.1f ms, rules %.1f ms, summaries %.1f ms of CPU%n",
                          CLASSES.get(),
                          EXTRACTION_NANOS.get() / 1e6,
                          RULES_NANOS.get() / 1e6,
                          SUMMARIES_NANOS.get() / 1e6)));
    }
  }

  private AnalysisTiming() {}

  static <T> T extraction(Supplier<T> step) {
    CLASSES.incrementAndGet();
    return timed(step, EXTRACTION_NANOS);
  }

  static <T> T rules(Supplier<T> step) {
    return timed(step, RULES_NANOS);
  }

  static void summaries(Runnable step) {
    timed(
        () -> {
          step.run();
          return null;
        },
        SUMMARIES_NANOS);
  }

  private static <T> T timed(Supplier<T> step, AtomicLong total) {
    if (!ENABLED) {
      return step.get();
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long start = threads.getCurrentThreadCpuTime();
    try {
      return step.get();
    } finally {
      total.addAndGet(threads.getCurrentThreadCpuTime() - start);
    }
  }
}
