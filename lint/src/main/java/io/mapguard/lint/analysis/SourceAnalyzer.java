package io.mapguard.lint.analysis;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Position;
import com.github.javaparser.Problem;
import com.github.javaparser.Processor;
import com.github.javaparser.TokenRange;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.validator.postprocessors.Java25PostProcessor;
import com.github.javaparser.ast.validator.postprocessors.PostProcessors;
import com.github.javaparser.symbolsolver.JavaSymbolSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.CombinedTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.JarTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.JavaParserTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ReflectionTypeSolver;
import io.mapguard.engine.AnalysisOptions;
import io.mapguard.engine.Analyzer;
import io.mapguard.engine.knowledge.ThreadStartApis;
import io.mapguard.engine.model.ClassFacts;
import io.mapguard.engine.project.CallSummaries.ClassCalls;
import io.mapguard.engine.project.FieldUse;
import io.mapguard.engine.project.ProjectCall;
import io.mapguard.engine.project.ProjectMethod;
import io.mapguard.engine.report.Finding;
import io.mapguard.engine.report.FixHint;
import io.mapguard.lint.fix.Edit;
import io.mapguard.lint.fix.FixEdits;
import io.mapguard.lint.fix.SourceText;
import io.mapguard.lint.frontend.AstFactExtractor;
import io.mapguard.lint.frontend.LintProjectCallReader;
import io.mapguard.lint.source.JavaLexicalScanner;
import io.mapguard.lint.symbols.CallText;
import io.mapguard.lint.symbols.LintSymbols;
import io.mapguard.lint.symbols.LintTypes;
import io.mapguard.lint.symbols.SourceTreeIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;

/**
 * mapvet's front end for one file: parse with JavaParser, translate each top-level class into engine
 * facts, run the engine. Not thread-safe (JavaParser's parser and type-solver caches are not): use
 * one instance per worker thread.
 */
public final class SourceAnalyzer implements FileAnalyzer {
  /** Parsed files the source type solver keeps per source root. */
  private static final long SOLVER_CACHE_FILES = 256;

  private final JavaParser parser;
  private final CombinedTypeSolver solver;
  private final Map<String, List<String>> solvedAncestors = new HashMap<>();
  private final SourceTreeIndex tree;
  private final boolean withJars;
  private final Analyzer analyzer;
  private final AnalysisOptions options;
  /** {@link #taskCodeNames}, made at the first question. */
  private Set<String> taskCodeNames;
  /** Type lookups of no file in particular ({@link #isSubtype}), made at the first question. */
  private LintTypes typesOutsideFiles;
  /**
   * The start table's methods of executors ({@code execute}, {@code submit}…), made at the first
   * class: the same for every file (made per class, its subtype checks were 2% of a scan of guava).
   */
  private Set<String> executorMethodNames;

  /**
   * @param sourceRoots roots of the scanned tree's packages, for resolving its own types
   * @param classpath jars for library types; JDK types resolve by reflection
   */
  public SourceAnalyzer(AnalysisOptions options, List<Path> sourceRoots, List<Path> classpath)
      throws IOException {
    this(options, new SourceTree(sourceRoots), classpath);
  }

  /** An analyzer that shares {@code tree} with the other workers of its scan. */
  public SourceAnalyzer(AnalysisOptions options, SourceTree tree, List<Path> classpath) throws IOException {
    List<Path> sourceRoots = tree.roots;
    this.solver = new CombinedTypeSolver(new ReflectionTypeSolver());
    this.tree = tree.index;
    this.withJars = !classpath.isEmpty();
    for (Path root : sourceRoots) {
      // a bounded cache: mapvet streams over the tree and must not end up holding all of it
      solver.add(new JavaParserTypeSolver(root, parserConfiguration(false), SOLVER_CACHE_FILES));
    }
    for (Path jar : classpath) {
      solver.add(new JarTypeSolver(jar));
    }
    this.parser = new JavaParser(parserConfiguration(true).setSymbolResolver(new JavaSymbolSolver(solver)));
    this.analyzer = new Analyzer(options);
    this.options = options;
  }

  /**
   * What the workers of one scan share: the tree's source roots and the index of its declaration
   * headers, which fills up as the analysis asks and is thread-safe. Shared, each file's header is
   * read once per scan rather than once per worker.
   */
  public static final class SourceTree {
    private final List<Path> roots;
    private final SourceTreeIndex index;

    public SourceTree(List<Path> roots) {
      this.roots = List.copyOf(roots);
      this.index = new SourceTreeIndex(this.roots);
    }
  }

  /**
   * Java 25: JavaParser's default level is Java 11, which rejects records, sealed types and patterns
   * (the level also switches the grammar's {@code yield}). Node positions come from the token list,
   * so the files we report on keep it; the type solver's parses only need declarations and drop it.
   *
   * <p>Of JavaParser's post-parse processors only two are kept: {@code var} becoming a {@code VarType}
   * (the analysis reads declared types) and the symbol resolver being attached to the unit. The
   * others cost half of JavaParser's parse time and give mapvet nothing: the language-level
   * validators report code javac would reject (compiling it is javac's job, and mapvet must not add
   * noise to code that does not compile), comment attribution (ignore directives are read from the
   * source text) and line-separator detection (only for printing the tree back).
   * Public for the parse-only benchmark (benchmarks/src/ParseOnly.java).
   */
  public static ParserConfiguration parserConfiguration(boolean positions) {
    ParserConfiguration configuration =
        new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_25)
            .setStoreTokens(positions)
            .setAttributeComments(false)
            .setDetectOriginalLineSeparator(false);
    configuration.getProcessors().clear();
    configuration.getProcessors().add(VarTypesAndSymbolResolver::new);
    return configuration;
  }

  /** JavaParser's step that makes {@code var} a VarType (it keeps no state). */
  private static final PostProcessors VAR_TYPES = new Java25PostProcessor();

  /** The two post-parse steps mapvet needs, see {@link #parserConfiguration}. */
  private static final class VarTypesAndSymbolResolver extends Processor {
    /**
     * Only for trees without tokens: the type solver's parses of other files. The files mapvet
     * reports on get their {@code var} types in {@link #parse}, when their text has the word.
     */
    private final PostProcessors varTypes = VAR_TYPES;

    @Override
    public void postProcess(ParseResult<? extends Node> result, ParserConfiguration configuration) {
      if (result.getResult().flatMap(Node::getTokenRange).isEmpty()) {
        varTypes.postProcess(result, configuration); // the type solver's parses; see varTypes
      }
      configuration
          .getSymbolResolver()
          .ifPresent(
              resolver ->
                  result.ifSuccessful(
                      root -> {
                        if (root instanceof CompilationUnit) {
                          root.setData(Node.SYMBOL_RESOLVER_KEY, resolver);
                        }
                      }));
    }
  }

  /**
   * Parses {@code source} as mapvet does with a parser of {@link #parserConfiguration}: {@code var}
   * types are made only when the text has the word (see {@link #mentionsVar}).
   */
  public static ParseResult<CompilationUnit> parse(JavaParser parser, String source) {
    ParseResult<CompilationUnit> parsed = parser.parse(source);
    if (parsed.getResult().isPresent() && mentionsVar(source)) {
      VAR_TYPES.postProcess(parsed, parser.getParserConfiguration());
    }
    return parsed;
  }

  /**
   * Whether the source has the word {@code var}, which a {@code var} type needs. JavaParser finds
   * those types by walking every type of the tree, which cost 7% of a scan of guava, where almost no
   * file has one; a look for the word costs a fraction of that.
   */
  private static boolean mentionsVar(String source) {
    return CallText.hasWord(source, "var");
  }

  /** Analyses {@code source}, reported under {@code file} (the path as the user should see it). */
  @Override
  public FileResult analyze(String file, String source) {
    List<LintFinding> findings = new ArrayList<>();
    List<SourceProblem> problems = new ArrayList<>();
    ParseResult<CompilationUnit> parsed = parse(parser, source);
    if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
      for (Problem problem : parsed.getProblems()) {
        Position at = problem.getLocation().flatMap(TokenRange::toRange).map(r -> r.begin).orElse(Position.HOME);
        problems.add(
            new SourceProblem(
                file, at.line, at.column, SourceProblem.PARSE_ERROR, firstLine(problem.getMessage())));
        break; // the first problem is the real one; the rest follow from it
      }
      if (problems.isEmpty()) {
        problems.add(new SourceProblem(file, 1, 1, SourceProblem.PARSE_ERROR, "cannot parse"));
      }
      return new FileResult(findings, problems);
    }
    CompilationUnit unit = parsed.getResult().get();
    LintTypes types = new LintTypes(unit, solver, solvedAncestors, tree, withJars);
    LintSymbols scopes = new LintSymbols(types);
    CallKeys callKeys =
        CallKeys.of(
            unit,
            name -> {
              LintSymbols.Variable variable = scopes.variable(name);
              return variable != null && !variable.isField();
            },
            new ReceiverKeys.Collector(unit, scopes));
    List<String> lines = JavaLexicalScanner.lines(source);
    FixEdits fixEdits = null; // made for the first finding with a fix: most files have none
    List<ClassCalls> summaries = new ArrayList<>();
    for (TypeDeclaration<?> type : unit.getTypes()) {
      if (options.writeSummaries()) {
        try {
          summaries.add(LintProjectCallReader.summarize(unit, type, types, options, file));
        } catch (RuntimeException | StackOverflowError e) {
          problems.add(internalError(file, type, "summarizing the calls of", e));
        }
      }
      try {
        Optional<ClassFacts> facts =
            new AstFactExtractor(options, unit, type, file, types, lines, executorMethodNames()).extract();
        if (facts.isEmpty()) {
          continue;
        }
        for (Finding finding : analyzer.analyze(facts.get())) {
          if (!finding.fixes().isEmpty() && fixEdits == null) {
            fixEdits = new FixEdits(new SourceText(source), unit);
          }
          findings.add(toLintFinding(file, finding, fixEdits));
        }
      } catch (RuntimeException | StackOverflowError e) {
        problems.add(internalError(file, type, "analysing", e));
      }
    }
    return new FileResult(findings, problems, summaries, callKeys);
  }

  /**
   * The calls in {@code source} (reported under {@code file}) that may run {@code method}: one
   * file's part of {@link LintProjectCalls}. A file that does not parse has none.
   */
  @Override
  public List<ProjectCall> callsOf(ProjectMethod method, String file, String source) {
    return readParsed(source, (unit, types) -> LintProjectCallReader.callsIn(unit, types, options, file, method));
  }

  /** The default task-code names and those of the starts the options add ({@code threadStartMethods}). */
  @Override
  public Set<String> taskCodeNames() {
    if (taskCodeNames == null) {
      taskCodeNames = options.threadStartApis().taskCodeNamesWithEntries();
    }
    return taskCodeNames;
  }

  /** The receiver keys of a file the scan did not parse: parsed here (and kept for the question that asks next). */
  @Override
  public ReceiverKeys receiverKeysOf(String file, String source) {
    List<ReceiverKeys> keys = readParsed(source, (unit, types) -> List.of(ReceiverKeys.of(unit, new LintSymbols(types))));
    return keys.isEmpty() ? null : keys.get(0);
  }

  /** One file's part of {@link LintProjectCalls#inheritedFieldUsesInTasks}; a file that does not parse has none. */
  @Override
  public List<FieldUse> inheritedFieldUsesIn(String field, String file, String source) {
    return readParsed(
        source, (unit, types) -> LintProjectCallReader.inheritedFieldUsesIn(unit, types, options, file, field));
  }

  /** What {@code read} finds in {@code source} parsed, with its types; nothing when it does not parse. */
  private <T> List<T> readParsed(String source, java.util.function.BiFunction<CompilationUnit, LintTypes, List<T>> read) {
    ReadFile kept = recentlyRead.get(source);
    if (kept == null) {
      ParseResult<CompilationUnit> parsed = parse(parser, source);
      if (parsed.getResult().isEmpty()) {
        return List.of();
      }
      CompilationUnit unit = parsed.getResult().get();
      dropTokens(unit);
      kept = new ReadFile(unit, new LintTypes(unit, solver, solvedAncestors, tree, withJars));
      recentlyRead.put(source, kept);
    }
    return read.apply(kept.unit(), kept.types());
  }

  /**
   * Lets a kept tree's token list go, keeping each node's range: the questions read lines, never
   * tokens, and the tokens are a large part of a tree's memory (Tomcat's peak: 463 instead of 514
   * MiB). A parse without them would leave the nodes without ranges.
   */
  private static void dropTokens(CompilationUnit unit) {
    unit.walk(
        node -> {
          com.github.javaparser.Range range = node.getRange().orElse(null);
          node.setTokenRange(null);
          node.setRange(range);
        });
  }

  /** A file the project questions parsed, with its types. */
  private record ReadFile(CompilationUnit unit, LintTypes types) {}

  /**
   * How many parsed files the project questions keep: a walk up the callers asks about several
   * methods of one class (mapvet's walks on Tomcat read 285 files, 94 of them distinct); there,
   * keeping 64 took 0.865 of the time of keeping none (docs/performance.md, session 30).
   */
  private static final int FILES_KEPT = 64;

  /**
   * The files the project questions read last, by their text (a file edited since, in the language
   * server, is another key); reading a tree leaves it as it was, so a question may read it again.
   */
  private final Map<String, ReadFile> recentlyRead =
      new java.util.LinkedHashMap<>(FILES_KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ReadFile> eldest) {
          return size() > FILES_KEPT;
        }
      };

  /** A class that could not be {@code doing} ("analysing"): one internal error, placed at the class. */
  private static SourceProblem internalError(String file, TypeDeclaration<?> type, String doing, Throwable e) {
    return new SourceProblem(
        file,
        type.getBegin().map(p -> p.line).orElse(1),
        1,
        SourceProblem.INTERNAL_ERROR,
        "mapvet failed while "
            + doing
            + " class "
            + type.getFullyQualifiedName().orElse(type.getNameAsString())
            + " ("
            + e
            + "), please report");
  }

  private Set<String> executorMethodNames() {
    if (executorMethodNames == null) {
      executorMethodNames =
          options.threadStartApis().executorMethodNames(owner -> isSubtype(owner, ThreadStartApis.EXECUTOR_TYPE));
    }
    return executorMethodNames;
  }

  /**
   * Whether the type named first is the second or a subtype of it, as this analyzer's type solver
   * sees them (for summarized calls, see {@link io.mapguard.engine.project.SummarizedCalls}).
   */
  @Override
  public boolean isSubtype(String type, String supertype) {
    if (typesOutsideFiles == null) {
      typesOutsideFiles = new LintTypes(new CompilationUnit(), solver, solvedAncestors, tree, withJars);
    }
    return typesOutsideFiles.isSubtype(type, supertype);
  }

  private static LintFinding toLintFinding(String file, Finding finding, FixEdits fixEdits) {
    int[] span = span(finding);
    int endLine = span[0];
    int endColumn = span[1];
    String subject = finding.field() != null ? finding.field().name() : "the map";
    List<LintFinding.Fix> fixes = new ArrayList<>();
    for (FixHint hint : finding.fixes()) {
      List<Finding> places = finding.fixPlaces(hint);
      if (places.isEmpty()) {
        continue; // an access of the race cannot be repaired this way: the others alone would not do
      }
      List<Edit> edits = new ArrayList<>();
      for (Finding place : places) {
        List<Edit> here;
        try {
          int[] placeSpan = span(place);
          here =
              fixEdits
                  .edits(place.site().line(), place.site().column(), placeSpan[0], placeSpan[1], place.fixes().get(0), subject)
                  .orElse(List.of());
        } catch (RuntimeException e) {
          here = List.of(); // an edit that cannot be made never costs the finding: the sentence stays
        }
        if (here.isEmpty()) {
          edits.clear();
          break;
        }
        edits.addAll(here);
      }
      fixes.add(new LintFinding.Fix(hint, finding.suggestion(hint, subject), edits));
    }
    return new LintFinding(
        finding.rule().ruleName(),
        finding.rule().defaultSeverity().toLowerCase(java.util.Locale.ROOT),
        file,
        finding.site().line(),
        finding.site().column(),
        endLine,
        endColumn,
        finding.message(),
        finding.fingerprint(),
        fixes,
        finding.evidence(),
        finding.condition());
  }

  /** The inclusive end line and column of a finding's anchor (its start when the anchor has no end). */
  private static int[] span(Finding finding) {
    if (finding.site().anchor() instanceof Node) {
      var end = ((Node) finding.site().anchor()).getEnd();
      if (end.isPresent()) {
        return new int[] {end.get().line, end.get().column};
      }
    }
    return new int[] {finding.site().line(), finding.site().column()};
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).trim();
  }
}
