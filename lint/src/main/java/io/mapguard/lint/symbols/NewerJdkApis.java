package io.mapguard.lint.symbols;

import java.util.List;
import java.util.Map;

/**
 * The JDK 21+ types and methods the thread-start knowledge names, for a mapvet that runs on an older
 * JDK: reflection cannot see them there, and {@code Thread.ofVirtual().start(task)} would not be a
 * thread start. javac needs none of this: it compiles against the JDK the code targets.
 */
final class NewerJdkApis {
  private static final String BUILDER = "java.lang.Thread.Builder";
  private static final String OF_VIRTUAL = "java.lang.Thread.Builder.OfVirtual";
  private static final String OF_PLATFORM = "java.lang.Thread.Builder.OfPlatform";
  private static final String EXECUTOR_SERVICE = "java.util.concurrent.ExecutorService";

  /** Each type with its supertypes, the type first. */
  private static final Map<String, List<String>> TYPES =
      Map.of(
          BUILDER, List.of(BUILDER, "java.lang.Object"),
          OF_VIRTUAL, List.of(OF_VIRTUAL, BUILDER, "java.lang.Object"),
          OF_PLATFORM, List.of(OF_PLATFORM, BUILDER, "java.lang.Object"));

  /** What a method returns, by {@code owner#name}: the builders' setters return the builder. */
  private static final Map<String, String> RETURNS =
      Map.ofEntries(
          Map.entry("java.lang.Thread#ofVirtual", OF_VIRTUAL),
          Map.entry("java.lang.Thread#ofPlatform", OF_PLATFORM),
          Map.entry("java.lang.Thread#startVirtualThread", "java.lang.Thread"),
          Map.entry("java.util.concurrent.Executors#newVirtualThreadPerTaskExecutor", EXECUTOR_SERVICE),
          Map.entry("java.util.concurrent.Executors#newThreadPerTaskExecutor", EXECUTOR_SERVICE),
          Map.entry(BUILDER + "#start", "java.lang.Thread"),
          Map.entry(BUILDER + "#unstarted", "java.lang.Thread"),
          Map.entry(BUILDER + "#factory", "java.util.concurrent.ThreadFactory"),
          Map.entry(OF_VIRTUAL + "#name", OF_VIRTUAL),
          Map.entry(OF_VIRTUAL + "#inheritInheritableThreadLocals", OF_VIRTUAL),
          Map.entry(OF_VIRTUAL + "#uncaughtExceptionHandler", OF_VIRTUAL),
          Map.entry(OF_PLATFORM + "#name", OF_PLATFORM),
          Map.entry(OF_PLATFORM + "#inheritInheritableThreadLocals", OF_PLATFORM),
          Map.entry(OF_PLATFORM + "#uncaughtExceptionHandler", OF_PLATFORM),
          Map.entry(OF_PLATFORM + "#group", OF_PLATFORM),
          Map.entry(OF_PLATFORM + "#daemon", OF_PLATFORM),
          Map.entry(OF_PLATFORM + "#priority", OF_PLATFORM),
          Map.entry(OF_PLATFORM + "#stackSize", OF_PLATFORM));

  private NewerJdkApis() {}

  /** The type and its supertypes when the table knows the type, else null. */
  static List<String> typeAndSupertypes(String type) {
    return TYPES.get(type);
  }

  /** What {@code owner.name(…)} returns when the table knows it, else null. */
  static String returnType(String owner, String name) {
    return RETURNS.get(owner + "#" + name);
  }
}
