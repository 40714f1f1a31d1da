package io.mapguard.errorprone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.errorprone.CompilationTestHelper;
import com.sun.tools.javac.main.Main.Result;
import io.mapguard.engine.report.Rule;
import io.mapguard.engine.rules.Rules;
import io.mapguard.fixtures.OptionSources;
import io.mapguard.testing.RacySource;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad {@code -XepOpt:MapGuard:…} value is one error naming it and what is valid, as Error Prone's
 * own bad flags are, never a compiler crash; the other options still apply.
 */
class ErrorProneOptionsTest {
  private static final String[] RACY = RacySource.LINES;

  @AfterEach
  void clearHook() {
    System.clearProperty("mapguard.internal.failOnClass");
  }

  @Test
  void aBadValueFailsTheCompileWithoutCrashingItAndTheRestOfItsListApplies() {
    // no finding in Racy: UnsynchronizedSharedMap is off. (Error Prone checks no further file
    // once the compile has an error, as after its own bad flags.)
    CompilationTestHelper.newInstance(UnsynchronizedSharedMap.class, getClass())
        .setArgs("-XepOpt:MapGuard:Disable=UnsynchronizedSharedMap,NoSuchRule")
        .addSourceLines("Racy.java", RACY)
        .expectResult(Result.ERROR)
        .doTest();
  }

  @Test
  void staticCachesSharedTurnsALibrarysCacheIntoAFinding() {
    List<String> marked = new ArrayList<>(List.of(OptionSources.STATIC_CACHE));
    marked.add(
        OptionSources.STATIC_CACHE_PUT_LINE - 1,
        "// BUG: Diagnostic contains: static caches count as shared (option staticCachesShared)");
    CompilationTestHelper.newInstance(UnsynchronizedSharedMap.class, getClass())
        .setArgs("-XepOpt:MapGuard:StaticCachesShared=true")
        .addSourceLines("c/Names.java", marked.toArray(String[]::new))
        .doTest();
    CompilationTestHelper.newInstance(UnsynchronizedSharedMap.class, getClass())
        .addSourceLines("c/Names.java", OptionSources.STATIC_CACHE)
        .doTest();
  }

  @Test
  void eachBadOptionIsOneErrorNamingTheValueAndWhatIsValid(@TempDir Path out) throws Exception {
    List<String> errors =
        errors(
            out,
            "-XepOpt:MapGuard:Disable=UnsynchronizedSharedMap,NoSuchRule"
                + " -XepOpt:MapGuard:ThreadStartMethods=nohash -XepOpt:MapGuard:Stict=true"
                + " -XepOpt:MapGuard:Strict=maybe");
    assertEquals(
        List.of(
            "mapguard: bad value in '-XepOpt:MapGuard:Disable=UnsynchronizedSharedMap,NoSuchRule':"
                + " unknown mapguard rule 'NoSuchRule' (rules: "
                + Rules.all().stream().map(Rule::ruleName).collect(Collectors.joining(", "))
                + ")",
            "mapguard: unknown option '-XepOpt:MapGuard:Stict=true' (options:"
                + " -XepOpt:MapGuard:Disable=RuleA,RuleB,"
                + " -XepOpt:MapGuard:ImmediateMethods=Owner#method,…,"
                + " -XepOpt:MapGuard:LockingCallbackMethods=Owner#method,…,"
                + " -XepOpt:MapGuard:ThreadStartMethods=Owner#method,…,"
                + " -XepOpt:MapGuard:Report=FILE,"
                + " -XepOpt:MapGuard:Strict=true|false,"
                + " -XepOpt:MapGuard:EveryAccess=true|false,"
                + " -XepOpt:MapGuard:StaticCachesShared=true|false,"
                + " -XepOpt:MapGuard:Summaries=true|false)",
            "mapguard: bad option '-XepOpt:MapGuard:Strict=maybe': expected"
                + " -XepOpt:MapGuard:Strict=true|false",
            "mapguard: bad value in '-XepOpt:MapGuard:ThreadStartMethods=nohash': expected"
                + " Owner#method (e.g. com.acme.Pool#submit), got 'nohash'"),
        errors);
  }

  @Test
  void strictMakesAClassMapguardCouldNotAnalyseAnError() {
    System.setProperty("mapguard.internal.failOnClass", "Racy");
    CompilationTestHelper.newInstance(UnsynchronizedSharedMap.class, getClass())
        .setArgs("-XepOpt:MapGuard:Strict=true")
        .addSourceLines("Racy.java", RACY)
        .expectResult(Result.ERROR)
        .doTest();
  }

  /** Compiles Racy with -Xplugin:ErrorProne as a build does; returns the error messages. */
  private static List<String> errors(Path out, String mapguardFlags) throws Exception {
    JavaFileObject file =
        new SimpleJavaFileObject(URI.create("string:///Racy.java"), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return String.join("\n", RACY);
          }
        };
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter output = new StringWriter();
    List<String> options =
        List.of(
            "-d",
            Files.createDirectories(out).toString(),
            "-XDcompilePolicy=simple",
            "--should-stop=ifError=FLOW",
            "-processorpath",
            System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
            "-Xplugin:ErrorProne -XepDisableAllChecks -Xep:UnsynchronizedSharedMap:WARN "
                + mapguardFlags);
    boolean ok =
        ToolProvider.getSystemJavaCompiler()
            .getTask(output, null, diagnostics, options, null, List.of(file))
            .call();
    assertFalse(ok, "a bad option must fail the compile, as Error Prone's own bad flags do");
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        errors.add(d.getMessage(null));
      }
    }
    return errors;
  }
}
