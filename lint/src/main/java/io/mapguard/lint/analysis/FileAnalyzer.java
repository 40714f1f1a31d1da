package io.mapguard.lint.analysis;

import io.mapguard.engine.project.FieldUse;
import io.mapguard.engine.project.ProjectCall;
import io.mapguard.engine.project.ProjectMethod;
import java.util.List;
import java.util.Set;

/** Analyses one file's text. Implementations need not be thread-safe: use one per worker thread. */
public interface FileAnalyzer {
  /**
   * @param file the path as the user should see it in reports
   * @param source the file's text
   */
  FileResult analyze(String file, String source);

  /**
   * The calls in {@code source} that may run {@code method} (see {@link LintProjectCalls}), or null
   * when this analyzer cannot tell: then the findings that depend on them stand.
   */
  default List<ProjectCall> callsOf(ProjectMethod method, String file, String source) {
    return null;
  }

  /**
   * The uses of the map field {@code field} that tasks in {@code source} make having inherited it
   * (see {@link io.mapguard.engine.project.ProjectCalls#inheritedFieldUsesInTasks}), or null when
   * this analyzer cannot tell.
   */
  default List<FieldUse> inheritedFieldUsesIn(String field, String file, String source) {
    return null;
  }

  /**
   * What {@code source}'s calls are made on ({@link ReceiverKeys}), for a file the scan indexed by
   * its text only; null when this analyzer cannot tell (the file is then read for every method of
   * a name it calls) or the file does not parse.
   */
  default ReceiverKeys receiverKeysOf(String file, String source) {
    return null;
  }

  /**
   * The names a file's code calls when it may hold a task ({@link
   * io.mapguard.engine.knowledge.ThreadStartApis#taskCodeNamesWithEntries}), with the starts this
   * analyzer knows: a question about tasks reads only files that call one of them.
   */
  default Set<String> taskCodeNames() {
    return io.mapguard.engine.knowledge.ThreadStartApis.TASK_CODE_NAMES;
  }

  /**
   * Whether the type named first (qualified) is the second or a subtype of it; an analyzer that
   * cannot tell answers for the same name only.
   */
  default boolean isSubtype(String type, String supertype) {
    return type.equals(supertype);
  }
}
