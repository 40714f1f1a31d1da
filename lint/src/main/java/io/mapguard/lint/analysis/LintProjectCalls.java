package io.mapguard.lint.analysis;

import io.mapguard.engine.Analyzer;
import io.mapguard.engine.project.FieldUse;
import io.mapguard.engine.project.ProjectCall;
import io.mapguard.engine.project.ProjectCalls;
import io.mapguard.engine.project.ProjectMethod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The calls of every file of a scan, for the findings that depend on other classes. The files are
 * not kept parsed (a scan of {@code java.base} could not hold its trees): each file is indexed by
 * the names it calls ({@link CallKeys}, kept from the scan's parse or read from the text at the first
 * question), and each question parses only the files that call its method's name.
 */
public final class LintProjectCalls implements ProjectCalls {
  /**
   * A file of the project.
   *
   * @param text reads its text again; null when it cannot be read any more
   * @param keys what the file is indexed by when the scan has worked it out from its tree (it parsed
   *     the file anyway); null to read them from the text
   */
  public record ProjectFile(String path, Supplier<String> text, CallKeys keys) {
    public ProjectFile(String path, Supplier<String> text) {
      this(path, text, null);
    }
  }

  private final List<ProjectFile> files;
  private final FileAnalyzer analyzer;
  /** The files by the names they call ({@link #calledNames}); null until a question needs it. */
  private Map<String, List<ProjectFile>> byCalledName;
  /** The files by the calls they make with a {@code null} argument: name, arity and position. */
  private Map<String, List<ProjectFile>> byNullArgument;
  /** What each file is indexed by, for the question about calls through fields in tasks. */
  private Map<ProjectFile, CallKeys> keysByFile;
  /** The tree's classes, for the receivers a method's calls may have; made with the indexes. */
  private ReceiverTypes receiverTypes;
  /**
   * How many files indexed by their text a question parses for their receivers at most: as many as
   * a question read by name alone before receivers were known, so that a scan of part of a tree
   * answers every question it answered then, at no more cost.
   */
  static final int TEXT_FILES_PARSED_FOR_RECEIVERS = 64;

  /**
   * The receivers of files indexed by their text, parsed when a question needed them ({@link
   * #filesCalling}); their classes do not join {@link #receiverTypes}, so that no answer depends on
   * which questions came first (a receiver of one of their types may be anything's).
   */
  private final Map<ProjectFile, ReceiverKeys> parsedReceivers = new java.util.IdentityHashMap<>();
  /** {@link #filesCalling}'s answers. */
  private final Map<ProjectMethod, List<ProjectFile>> filesByMethod = new HashMap<>();
  private boolean unreadable;
  private final Map<ProjectMethod, List<ProjectCall>> answers = new HashMap<>();
  /** The answers of {@link #callsThroughFieldsInTasks}. */
  private final Map<ProjectMethod, List<ProjectCall>> answersThroughFields = new HashMap<>();

  /** {@code analyzer} parses the files that may call a method; it is used by one thread at a time. */
  public LintProjectCalls(List<ProjectFile> files, FileAnalyzer analyzer) {
    this.files = List.copyOf(files);
    this.analyzer = analyzer;
  }

  /**
   * The {@code .java} files under {@code roots} other than {@code known} (absolute, normalised
   * paths, which it adds to), each read again when asked, named by {@code display}.
   *
   * @throws IOException when a root cannot be listed: then nothing may be concluded from the
   *     absence of calls
   */
  public static List<ProjectFile> filesUnder(
      List<Path> roots,
      Set<Path> known,
      Function<Path, String> display,
      Function<Path, String> read)
      throws IOException {
    List<ProjectFile> found = new ArrayList<>();
    for (Path root : roots) {
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path path : (Iterable<Path>) walk::iterator) {
          if (path.toString().endsWith(".java")
              && known.add(path.toAbsolutePath().normalize())
              && Files.isRegularFile(path)) {
            found.add(new ProjectFile(display.apply(path), () -> read.apply(path)));
          }
        }
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
    return found;
  }

  /** The findings that stand once the project's calls are known ({@link Analyzer#decide}). */
  public static List<LintFinding> decide(List<LintFinding> findings, ProjectCalls calls) {
    return decision(findings, calls).standing();
  }

  /** {@link #decide}, keeping the findings that do not stand too (a summary keeps them). */
  public static Analyzer.Decision<LintFinding> decision(List<LintFinding> findings, ProjectCalls calls) {
    return Analyzer.decision(findings, LintFinding::condition, LintFinding::standing, calls);
  }

  @Override
  public synchronized List<ProjectCall> callsOf(ProjectMethod method) {
    indexFiles();
    if (unreadable) {
      return null;
    }
    return answers.computeIfAbsent(method, m -> callsIn(m, filesCalling(m)));
  }

  /** The files {@link #callsOf} parses for {@code method} ({@link #filesCalling}); none once answered. */
  @Override
  public synchronized int filesToRead(ProjectMethod method) {
    indexFiles();
    return answers.containsKey(method) ? 0 : filesCalling(method).size();
  }

  /**
   * The files that may call {@code method}: those calling its name, less those whose calls of its
   * name and arity are all made on receivers of types that cannot reach it ({@link ReceiverTypes});
   * a method reference of the name keeps a file.
   */
  private List<ProjectFile> filesCalling(ProjectMethod method) {
    return filesByMethod.computeIfAbsent(
        method,
        m -> {
          List<ProjectFile> named = byCalledName.getOrDefault(m.name(), List.of());
          Predicate<String> receivers = receiverTypes == null ? null : receiverTypes.possibleReceivers(m);
          if (receivers == null) {
            return named;
          }
          // a file indexed by its text is parsed for its receivers when there are few enough (its
          // parse is kept for the reading); beyond that the question reads them all, and gives up
          long byText = named.stream().filter(file -> receiversOf(file) == null).count();
          boolean parseThem = byText <= TEXT_FILES_PARSED_FOR_RECEIVERS;
          List<ProjectFile> found = new ArrayList<>();
          for (ProjectFile file : named) {
            ReceiverKeys keys = receiversOf(file);
            if (keys == null && parseThem) {
              String text = file.text().get();
              keys = text == null ? null : analyzer.receiverKeysOf(file.path(), text);
              if (keys != null) {
                parsedReceivers.put(file, keys);
              }
            }
            if (keys == null || keys.mayCall(m.name(), m.arity(), receivers)) {
              found.add(file);
            }
          }
          return found;
        });
  }

  /** What the scan's parse, or a question's, found of {@code file}'s receivers; null when unknown. */
  private ReceiverKeys receiversOf(ProjectFile file) {
    ReceiverKeys keys = keysByFile.get(file).receivers();
    return keys != null ? keys : parsedReceivers.get(file);
  }

  /**
   * Parses only the files that may call the method in task code through a field of the method's
   * class or of one of its project supertypes ({@link CallKeys#mayCallThroughFieldInTask}).
   */
  @Override
  public synchronized List<ProjectCall> callsThroughFieldsInTasks(ProjectMethod method) {
    indexFiles();
    if (unreadable) {
      return null;
    }
    List<ProjectCall> all = answers.get(method);
    if (all != null) {
      return all;
    }
    return answersThroughFields.computeIfAbsent(method, m -> callsIn(m, filesWithTasksAndFieldsOf(m)));
  }

  @Override
  public synchronized int filesToReadThroughFieldsInTasks(ProjectMethod method) {
    indexFiles();
    return answers.containsKey(method) || answersThroughFields.containsKey(method)
        ? 0
        : filesWithTasksAndFieldsOf(method).size();
  }

  private List<ProjectFile> filesWithTasksAndFieldsOf(ProjectMethod method) {
    Set<String> owners = new HashSet<>();
    for (String type : method.ownerTypes()) {
      if (!type.startsWith("java.") && !type.startsWith("javax.") && !type.startsWith("jdk.")) {
        owners.add(type.substring(type.lastIndexOf('.') + 1));
      }
    }
    List<ProjectFile> found = new ArrayList<>();
    for (ProjectFile file : filesCalling(method)) {
      if (keysByFile.get(file).mayCallThroughFieldInTask(method.name(), owners, analyzer.taskCodeNames())) {
        found.add(file);
      }
    }
    return found;
  }

  /**
   * Parses only the files whose tasks use the field's name where it may name an inherited field
   * ({@link CallKeys#taskFieldNames}: a field of another class of the file, or a name the file does
   * not declare in one whose class extends another file's).
   */
  @Override
  public synchronized List<FieldUse> inheritedFieldUsesInTasks(String field) {
    indexFiles();
    if (unreadable) {
      return null;
    }
    String name = field.substring(field.indexOf('#') + 1);
    return readEach(
        files.stream().filter(file -> keysByFile.get(file).taskFieldNames().contains(name)).toList(),
        (path, text) -> analyzer.inheritedFieldUsesIn(field, path, text));
  }

  /**
   * Parses only the files with a call of the method's name and arity whose argument at {@code
   * parameter} is, as written, {@code null}.
   */
  @Override
  public synchronized List<ProjectCall> callsPassingNull(ProjectMethod method, int parameter) {
    indexFiles();
    if (unreadable) {
      return null;
    }
    List<ProjectCall> calls =
        answers.containsKey(method)
            ? answers.get(method)
            : callsIn(
                method,
                byNullArgument.getOrDefault(
                    CallKeys.nullArgumentKey(method.name(), method.arity(), parameter), List.of()));
    return calls == null ? null : calls.stream().filter(call -> call.nullArguments().contains(parameter)).toList();
  }

  /** The calls of {@code method} in {@code files}; null when one of them cannot be read or parsed. */
  private List<ProjectCall> callsIn(ProjectMethod method, List<ProjectFile> files) {
    return readEach(files, (path, text) -> analyzer.callsOf(method, path, text));
  }

  /**
   * What {@code read} finds in each of {@code files} (given its path and text), together; null when
   * one of them cannot be read or {@code read} cannot tell.
   */
  private static <T> List<T> readEach(
      List<ProjectFile> files, java.util.function.BiFunction<String, String, List<T>> read) {
    List<T> all = new ArrayList<>();
    for (ProjectFile file : files) {
      String text = file.text().get();
      List<T> found = text == null ? null : read.apply(file.path(), text);
      if (found == null) {
        return null;
      }
      all.addAll(found);
    }
    return all;
  }

  /**
   * Both indexes of the files, {@link #byCalledName} and {@link #byNullArgument}, made once: each
   * file's {@link CallKeys}, those the scan kept or else read from its text (reading and blanking it
   * are the work here, on the common pool's threads); {@link #unreadable} when a file cannot be read.
   */
  private void indexFiles() {
    if (byCalledName != null) {
      return;
    }
    List<CallKeys> found =
        files.parallelStream()
            .map(file -> {
              if (file.keys() != null) {
                return file.keys();
              }
              String text = file.text().get();
              return text == null ? null : CallKeys.ofText(text);
            })
            .toList();
    byCalledName = new HashMap<>();
    byNullArgument = new HashMap<>();
    keysByFile = new java.util.IdentityHashMap<>();
    List<ReceiverKeys.DeclaredType> declaredTypes = new ArrayList<>();
    Set<String> unknownClassNames = new HashSet<>();
    for (int i = 0; i < files.size(); i++) {
      CallKeys keys = found.get(i);
      if (keys == null) {
        unreadable = true; // its calls are unknown: nothing may be concluded from their absence
        return;
      }
      keysByFile.put(files.get(i), keys);
      if (keys.receivers() != null) {
        declaredTypes.addAll(keys.receivers().declaredTypes());
      } else {
        String path = files.get(i).path();
        String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
        unknownClassNames.add(name.endsWith(".java") ? name.substring(0, name.length() - ".java".length()) : name);
      }
      for (String name : keys.calledNames()) {
        byCalledName.computeIfAbsent(name, k -> new ArrayList<>()).add(files.get(i));
      }
      for (String call : keys.nullArgumentCalls()) {
        byNullArgument.computeIfAbsent(call, k -> new ArrayList<>()).add(files.get(i));
      }
    }
    // a class of a file indexed from its text is not among them: a receiver of its type, or of a
    // type extending it, may then be anything's
    receiverTypes = new ReceiverTypes(declaredTypes, unknownClassNames);
  }
}
