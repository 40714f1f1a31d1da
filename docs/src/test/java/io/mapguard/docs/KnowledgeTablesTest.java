package io.mapguard.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mapguard.engine.knowledge.ImmediateCallbacks;
import io.mapguard.engine.knowledge.MethodRef;
import io.mapguard.engine.knowledge.NullableResults;
import io.mapguard.engine.knowledge.TaskClasses;
import io.mapguard.engine.knowledge.ThreadStartApis;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The API lists of docs/inference.md are the engine's knowledge tables, rendered: a table entry added
 * or removed fails here until the page says so. {@code -Dmapguard.docs.write=true} rewrites the
 * blocks from the tables.
 */
class KnowledgeTablesTest {
  private static final Path PAGE = Path.of("inference.md");

  private static String method(MethodRef ref) {
    String owner = ref.owner().replaceFirst("^java\\.(util\\.concurrent|util\\.stream|lang|util)\\.", "");
    if (ref.name().equals("<init>")) {
      return "`new " + owner + "(…)`";
    }
    return ref.name().equals(MethodRef.ANY_NAME) ? "every method of `" + owner + "`" : "`" + owner + "." + ref.name() + "`";
  }

  /** By {@link ThreadStartApis.Runs}, in order. */
  private static final String[] RUNS = {
    "its functional arguments",
    "the functions in a collection written as its argument (`List.of(…)`, `Arrays.asList(…)`…)",
    "its receiver (a task class, below)"
  };

  static List<String> threadStarts() {
    List<String> lines = new ArrayList<>();
    lines.add("| API | what runs on another thread | named in messages as |");
    lines.add("|---|---|---|");
    for (ThreadStartApis.Entry entry : ThreadStartApis.defaults().entries()) {
      lines.add("| " + method(entry.method()) + " | " + RUNS[entry.runs().ordinal()] + " | " + entry.description() + " |");
    }
    return lines;
  }

  static List<String> taskClasses() {
    List<String> lines = new ArrayList<>();
    lines.add("| subclasses of | method that runs on the task's thread | named in messages as |");
    lines.add("|---|---|---|");
    for (TaskClasses.TaskClass taskClass : TaskClasses.ALL) {
      lines.add("| `" + taskClass.owner() + "` | `" + taskClass.method() + "()` | " + taskClass.description() + " *Name* |");
    }
    return lines;
  }

  static List<String> immediateCallbacks() {
    List<String> methods = new ArrayList<>();
    for (MethodRef ref : ImmediateCallbacks.defaults().methods()) {
      methods.add(method(ref));
    }
    return List.of(String.join(", ", methods) + ".");
  }

  static List<String> nullableResults() {
    List<String> lines = new ArrayList<>();
    lines.add("| method | arguments | returns null when |");
    lines.add("|---|---|---|");
    for (NullableResults.Entry entry : NullableResults.ALL) {
      lines.add("| `" + entry.owner() + "." + entry.name() + "` | " + entry.arity() + " | "
          + entry.whenNull().replaceFirst("^returns null when ", "") + " |");
    }
    return lines;
  }

  /** The lines between {@code <!-- name -->} and {@code <!-- /name -->}, replaced by {@code body} when writing. */
  private static void check(String name, List<String> body) throws IOException {
    check(PAGE, name, body);
  }

  private static void check(Path page, String name, List<String> body) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(page, StandardCharsets.UTF_8));
    int start = lines.indexOf("<!-- " + name + " (generated from the engine's tables; see KnowledgeTablesTest) -->");
    int end = lines.indexOf("<!-- /" + name + " -->");
    assertTrue(start >= 0 && end > start, page + " lacks the block " + name);
    if (Boolean.getBoolean("mapguard.docs.write")) {
      lines.subList(start + 1, end).clear();
      lines.addAll(start + 1, body);
      Files.write(page, lines, StandardCharsets.UTF_8);
      return;
    }
    assertEquals(
        String.join("\n", body),
        String.join("\n", lines.subList(start + 1, end)),
        page + "'s " + name + " list differs from the table; run the docs tests with -Dmapguard.docs.write=true");
  }

  @Test
  void threadStartApis() throws IOException {
    check("thread-start-apis", threadStarts());
  }

  @Test
  void taskClassesList() throws IOException {
    check("task-classes", taskClasses());
  }

  @Test
  void immediateCallbacksList() throws IOException {
    check("immediate-callbacks", immediateCallbacks());
  }

  @Test
  void nullableResultsList() throws IOException {
    check(Path.of("rules", "ConcurrentMapNullValue.md"), "nullable-results", nullableResults());
  }
}
