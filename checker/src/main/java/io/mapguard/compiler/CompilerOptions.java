package io.mapguard.compiler;

import io.mapguard.engine.AnalysisOptions;
import io.mapguard.engine.report.Rule;
import io.mapguard.engine.rules.Rules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * The options of both compiler front ends, written once: the plain plugin spells them
 * {@code -disable=A,B}, Error Prone {@code -XepOpt:MapGuard:Disable=A,B}. Parsing never throws:
 * each bad value becomes a problem naming the option, the value and what is valid, and every other
 * value still applies (a typo in one rule name must not bring back the rules the rest of the list
 * turns off).
 */
public final class CompilerOptions {
  /** The prefix of mapguard's keys among Error Prone's {@code -XepOpt:} flags. */
  public static final String ERROR_PRONE_PREFIX = "MapGuard:";

  private enum Option {
    DISABLE("-disable", "Disable", "RuleA,RuleB", AnalysisOptions.Builder::disable),
    // Error Prone turns a rule on by its severity (-Xep:MapCapacityHint:WARN), not by an option.
    ENABLE("-enable", null, "RuleA,RuleB", AnalysisOptions.Builder::enable),
    IMMEDIATE_METHODS(
        "-immediateMethods",
        "ImmediateMethods",
        "Owner#method,…",
        AnalysisOptions.Builder::immediateMethods),
    LOCKING_CALLBACK_METHODS(
        "-lockingCallbackMethods",
        "LockingCallbackMethods",
        "Owner#method,…",
        AnalysisOptions.Builder::lockingCallbackMethods),
    THREAD_START_METHODS(
        "-threadStartMethods",
        "ThreadStartMethods",
        "Owner#method,…",
        AnalysisOptions.Builder::threadStartMethods),
    /** SARIF of the compilation's findings, written when it ends (see ReportFile). */
    REPORT("-report", "Report", "FILE", null),
    STRICT("-strict", "Strict", null, null),
    /** Every unguarded access of a race a finding of its own (AnalysisOptions#everyAccess). */
    EVERY_ACCESS("-everyAccess", "EveryAccess", null, null),
    /** Static caches count as shared without other evidence (AnalysisOptions#staticCachesShared). */
    STATIC_CACHES_SHARED("-staticCachesShared", "StaticCachesShared", null, null),
    /** Call summaries written into the class output (AnalysisOptions#writeSummaries). */
    SUMMARIES("-summaries", "Summaries", null, null);

    final String pluginName;
    final String errorProneName;
    /** What the value looks like, for messages; null for an on/off flag. */
    final String valueShape;
    /** Applies one element of the comma-separated value; IllegalArgumentException on a bad one. */
    final BiConsumer<AnalysisOptions.Builder, String> applyOne;

    Option(
        String pluginName,
        String errorProneName,
        String valueShape,
        BiConsumer<AnalysisOptions.Builder, String> applyOne) {
      this.pluginName = pluginName;
      this.errorProneName = errorProneName;
      this.valueShape = valueShape;
      this.applyOne = applyOne;
    }

    String name(boolean errorProne) {
      return errorProne ? "-XepOpt:" + ERROR_PRONE_PREFIX + errorProneName : pluginName;
    }

    /** How it is written, for messages: {@code -disable=RuleA,RuleB}. */
    String spelling(boolean errorProne) {
      String name = name(errorProne);
      if (valueShape == null) {
        return errorProne ? name + "=true|false" : name;
      }
      return name + "=" + valueShape;
    }
  }

  private final AnalysisOptions analysis;
  private final boolean strict;
  private final String reportPath;
  private final List<String> problems;

  private CompilerOptions(AnalysisOptions analysis, boolean strict, String reportPath, List<String> problems) {
    this.analysis = analysis;
    this.strict = strict;
    this.reportPath = reportPath;
    this.problems = List.copyOf(problems);
  }

  public AnalysisOptions analysis() {
    return analysis;
  }

  /** Whatever keeps mapguard from checking what was asked (bad options, plugin off) is an error. */
  public boolean strict() {
    return strict;
  }

  /** Where to write the SARIF report file, or null for none. */
  public String reportPath() {
    return reportPath;
  }

  /** One message per bad option or value, each saying what is valid; empty when all were good. */
  public List<String> problems() {
    return problems;
  }

  /** Every option's name as the plain plugin takes it ({@code -disable}), for the docs' tests. */
  public static List<String> pluginNames() {
    return Arrays.stream(Option.values()).map(o -> o.pluginName).toList();
  }

  /** Every option's name as Error Prone takes it ({@code -XepOpt:MapGuard:Disable}). */
  public static List<String> errorProneNames() {
    return Arrays.stream(Option.values())
        .filter(o -> o.errorProneName != null)
        .map(o -> o.name(true))
        .toList();
  }

  /** The plain plugin's arguments: {@code -disable=A,B -strict …}, in one or more strings. */
  public static CompilerOptions parsePlugin(String... args) {
    Parser parser = new Parser(false, AnalysisOptions.builder());
    for (String arg : args) {
      for (String part : arg.trim().split("\\s+")) {
        if (part.isEmpty()) {
          continue;
        }
        int eq = part.indexOf('=');
        String key = eq < 0 ? part : part.substring(0, eq);
        Option option =
            Arrays.stream(Option.values())
                .filter(o -> o.pluginName.equals(key))
                .findFirst()
                .orElse(null);
        if (option == null) {
          parser.unknown(part);
        } else {
          parser.apply(option, eq < 0 ? null : part.substring(eq + 1));
        }
      }
    }
    return parser.result();
  }

  /**
   * Error Prone's {@code -XepOpt:MapGuard:…} flags, given as Error Prone's map of every
   * {@code -XepOpt} (others' keys are ignored). Every rule starts enabled: Error Prone decides which
   * checks run, and each check keeps the catalogue's default itself.
   */
  public static CompilerOptions parseErrorProne(Map<String, String> flags) {
    AnalysisOptions.Builder builder = AnalysisOptions.builder();
    for (Rule rule : Rules.all()) {
      builder.enable(rule);
    }
    Parser parser = new Parser(true, builder);
    // sorted: the same problems in the same order on every run
    flags.keySet().stream()
        .filter(k -> k.startsWith(ERROR_PRONE_PREFIX))
        .sorted()
        .forEach(
            key -> {
              String name = key.substring(ERROR_PRONE_PREFIX.length());
              Option option =
                  Arrays.stream(Option.values())
                      .filter(o -> name.equals(o.errorProneName))
                      .findFirst()
                      .orElse(null);
              if (option == null) {
                parser.unknown("-XepOpt:" + key + "=" + flags.get(key));
              } else {
                parser.apply(option, flags.get(key));
              }
            });
    return parser.result();
  }

  private static final class Parser {
    private final boolean errorProne;
    private final AnalysisOptions.Builder builder;
    private final List<String> problems = new ArrayList<>();
    private boolean strict;
    private String reportPath;

    Parser(boolean errorProne, AnalysisOptions.Builder builder) {
      this.errorProne = errorProne;
      this.builder = builder;
    }

    void unknown(String given) {
      String known =
          Arrays.stream(Option.values())
              .filter(o -> !errorProne || o.errorProneName != null)
              .map(o -> o.spelling(errorProne))
              .collect(Collectors.joining(", "));
      problems.add("unknown option '" + given + "' (options: " + known + ")");
    }

    /** {@code value} is null when the option was given without {@code =}. */
    void apply(Option option, String value) {
      String given = option.name(errorProne);
      if (option == Option.REPORT) {
        if (value == null || value.isBlank()) {
          problems.add("bad option '" + given + (value == null ? "" : "=") + "': expected " + option.spelling(errorProne));
        } else {
          reportPath = value.trim();
        }
        return;
      }
      if (option.applyOne == null) {
        // an on/off flag: bare, or =true / =false (Error Prone passes a bare flag as "true")
        String v = Objects.requireNonNullElse(value, "true").trim();
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
          boolean on = Boolean.parseBoolean(v);
          switch (option) {
            case STRICT -> strict = on;
            case EVERY_ACCESS -> builder.everyAccess(on);
            case STATIC_CACHES_SHARED -> builder.staticCachesShared(on);
            case SUMMARIES -> builder.writeSummaries(on);
            default -> throw new IllegalStateException("not an on/off flag: " + option);
          }
        } else {
          problems.add(
              "bad option '" + given + "=" + value + "': expected " + option.spelling(errorProne));
        }
        return;
      }
      if (value == null) {
        problems.add("bad option '" + given + "': expected " + option.spelling(errorProne));
        return;
      }
      for (String element : value.split(",")) {
        if (element.isBlank()) {
          continue;
        }
        try {
          option.applyOne.accept(builder, element.trim());
        } catch (IllegalArgumentException e) {
          problems.add("bad value in '" + given + "=" + value + "': " + e.getMessage());
        }
      }
    }

    CompilerOptions result() {
      return new CompilerOptions(builder.build(), strict, reportPath, problems);
    }
  }
}
