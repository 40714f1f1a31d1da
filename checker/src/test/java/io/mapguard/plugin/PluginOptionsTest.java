package io.mapguard.plugin;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.mapguard.engine.rules.Rules;
import io.mapguard.testing.RacySource;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bad options are reported one by one and never cost the good ones; -strict makes them errors. */
class PluginOptionsTest {
  private static final JavaFileObject RACY =
      JavaFileObjects.forSourceLines(RacySource.NAME, RacySource.LINES);

  @AfterEach
  void clearHook() {
    System.clearProperty("mapguard.internal.failOnClass");
  }

  @Test
  void anUnknownRuleIsReportedAndTheRestOfItsListStillApplies() {
    Compilation compilation =
        javac()
            .withOptions("-Xplugin:MapGuard -disable=UnsynchronizedSharedMap,NoSuchRule")
            .compile(RACY);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining(
            "mapguard: bad value in '-disable=UnsynchronizedSharedMap,NoSuchRule': unknown mapguard"
                + " rule 'NoSuchRule' (rules: UnsynchronizedSharedMap, InconsistentMapLocking,");
    String lastRule = Rules.all().get(Rules.all().size() - 1).ruleName();
    assertThat(compilation).hadWarningContaining(lastRule + "); the other options apply");
    // the one warning is about the option: UnsynchronizedSharedMap stays off
    assertThat(compilation).hadWarningCount(1);
  }

  @Test
  void eachBadOptionIsOneWarningNamingWhatIsValid() {
    Compilation compilation =
        javac()
            .withOptions(
                "-Xplugin:MapGuard -frobnicate=1 -disable=UnsynchronizedSharedMap"
                    + " -threadStartMethods=com.acme.Pool#submit,nohash -strict=maybe -enable")
            .compile(RACY);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining(
            "mapguard: unknown option '-frobnicate=1' (options: -disable=RuleA,RuleB,"
                + " -enable=RuleA,RuleB, -immediateMethods=Owner#method,…,"
                + " -lockingCallbackMethods=Owner#method,…, -threadStartMethods=Owner#method,…, -report=FILE, -strict, -everyAccess, -staticCachesShared, -summaries)");
    assertThat(compilation)
        .hadWarningContaining(
            "mapguard: bad value in '-threadStartMethods=com.acme.Pool#submit,nohash': expected"
                + " Owner#method (e.g. com.acme.Pool#submit), got 'nohash'");
    assertThat(compilation)
        .hadWarningContaining("mapguard: bad option '-strict=maybe': expected -strict");
    assertThat(compilation)
        .hadWarningContaining("mapguard: bad option '-enable': expected -enable=RuleA,RuleB");
    assertThat(compilation).hadWarningCount(4);
  }

  @Test
  void strictMakesABadOptionAnError() {
    Compilation compilation =
        javac().withOptions("-Xplugin:MapGuard -strict -disable=NoSuchRule").compile(RACY);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("unknown mapguard rule 'NoSuchRule'");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void strictFalseIsTheDefault() {
    Compilation compilation =
        javac().withOptions("-Xplugin:MapGuard -strict=false -disable=NoSuchRule").compile(RACY);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("unknown mapguard rule 'NoSuchRule'");
  }

  @Test
  void strictMakesAClassMapguardCouldNotAnalyseAnError() {
    System.setProperty("mapguard.internal.failOnClass", "Racy");
    Compilation compilation = javac().withOptions("-Xplugin:MapGuard -strict").compile(RACY);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("mapguard: internal error in MapGuard while analysing Racy");
    assertThat(compilation).hadErrorCount(1);
  }
}
