package io.mapguard.plugin;

import static com.google.testing.compile.Compiler.javac;

import io.mapguard.engine.report.Rule;
import io.mapguard.engine.rules.Rules;
import io.mapguard.fixtures.Fixture;
import io.mapguard.fixtures.Fixtures;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Compiles every fixture with {@code -Xplugin:MapGuard} (every rule on, one finding per race), one
 * compilation per fixture, all in this JVM, as {@link FixturePluginTest} does; prints how many
 * findings were reported. Run in a JVM of its own by {@link RecordMethodLinkageTest}, which watches
 * what the JVM links.
 */
public final class FixturesCompiledInOneJvm {
  private FixturesCompiledInOneJvm() {}

  public static void main(String[] args) {
    String plugin =
        "-Xplugin:MapGuard -enable=" + Rules.all().stream().map(Rule::ruleName).collect(Collectors.joining(","));
    long findings = 0;
    for (Fixture fixture : Fixtures.all()) {
      findings +=
          javac().withOptions(plugin).compile(FixturePluginTest.withStubs(fixture)).warnings().stream()
              .filter(warning -> warning.getMessage(Locale.ROOT).startsWith("["))
              .count();
    }
    System.out.println("mapguard findings: " + findings);
  }
}
