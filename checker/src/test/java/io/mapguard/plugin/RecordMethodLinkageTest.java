package io.mapguard.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The analysis calls no record's generated {@code equals}, {@code hashCode} or {@code toString}: the
 * JVM links those through method handles at their first call ({@code
 * java.lang.runtime.ObjectMethods}), which in a compile spins some dozens of classes and made the
 * JIT compile the JDK's class writer, on javac's time (docs/performance.md, session 32). The records
 * the analysis compares or keys tables with write theirs out ({@code CodeUnit#equals} says so); a
 * new one that does not fails here. Every fixture is compiled with the plugin in a JVM that prints
 * each call site it links ({@code java.lang.invoke.MethodHandle.TRACE_METHOD_LINKAGE}).
 */
class RecordMethodLinkageTest {
  /** The caller is a class name (JDK 17) or a stack frame such as {@code app//p.C.m(C.java:4)} (JDK 25). */
  private static final Pattern LINKED_BY_MAPGUARD =
      Pattern.compile("(?m)^linkCallSite (?:\\S*/)?(io\\.mapguard\\.(?:engine|javac|compiler|plugin)\\.\\S+) (\\S+)");
  private static final Pattern FINDINGS = Pattern.compile("(?m)^mapguard findings: (\\d+)$");

  @Test
  void analysingTheFixturesLinksNoRecordMethod() throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ThisTestJvm.javacInternalsFlags());
    command.add("-Djava.lang.invoke.MethodHandle.TRACE_METHOD_LINKAGE=true");
    command.add("-cp");
    command.add(ThisTestJvm.classPath());
    command.add(FixturesCompiledInOneJvm.class.getName());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), output.length() > 4000 ? output.substring(output.length() - 4000) : output);

    Matcher findings = FINDINGS.matcher(output);
    assertTrue(findings.find() && Integer.parseInt(findings.group(1)) > 200, "the fixtures' findings: " + output.lines().filter(l -> l.startsWith("mapguard")).toList());
    List<String> recordMethods = new ArrayList<>();
    int linkedByMapguard = 0;
    for (Matcher linked = LINKED_BY_MAPGUARD.matcher(output); linked.find(); ) {
      linkedByMapguard++;
      if (linked.group(2).startsWith("java.lang.runtime.ObjectMethods.bootstrap")) {
        recordMethods.add(linked.group(1));
      }
    }
    // the trace is on: the analysis's own lambdas are linked the same way
    assertTrue(linkedByMapguard > 50, "call sites the analysis linked: " + linkedByMapguard);
    assertEquals(List.of(), recordMethods, "records whose generated methods the analysis called");
  }
}
