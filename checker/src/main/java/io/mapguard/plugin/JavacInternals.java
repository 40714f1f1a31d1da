package io.mapguard.plugin;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Gets the plugin at the javac packages the analysis needs (the CFG builder works on javac's
 * internal trees), so that {@code javac -processorpath mapguard.jar -Xplugin:MapGuard} works without
 * flags.
 *
 * <p>When every package is already open to the plugin ({@link #FLAGS} given by hand), nothing is
 * done. Otherwise they are opened through {@code sun.misc.Unsafe}, as long as the JDK allows it:
 * JDK 17 to 25 do by default (24 and 25 print a warning), {@code
 * --sun-misc-unsafe-memory-access=deny} (the coming default) does not. Then packages that are
 * exported (Error Prone's jvm.config) are enough, without {@link ListenerFreeParsing}'s speed-up;
 * else the plugin is off and says which flags turn it on.
 *
 * <p>No supported API does this for a library: {@code Module.addOpens} works only from inside
 * jdk.compiler; {@code Instrumentation.redefineModule} needs an agent, which javac gets only from
 * {@code -J-javaagent} (a flag as well) or by attaching to itself, which the JDK forbids by default
 * ({@code jdk.attach.allowAttachSelf}) and is phasing out (JEP 451); a jar manifest's
 * {@code Add-Opens} and {@code Launcher-Agent-Class} count for {@code java -jar} only.
 */
final class JavacInternals {
  private static final List<String> PACKAGES =
      List.of(
          "com.sun.tools.javac.api",
          "com.sun.tools.javac.code",
          "com.sun.tools.javac.comp",
          "com.sun.tools.javac.file",
          "com.sun.tools.javac.main",
          "com.sun.tools.javac.model",
          "com.sun.tools.javac.parser",
          "com.sun.tools.javac.processing",
          "com.sun.tools.javac.tree",
          "com.sun.tools.javac.util");

  /**
   * The javac flags that give the plugin everything without Unsafe. Opens, not exports: an open
   * package is also exported, and {@link ListenerFreeParsing} needs main and util open.
   */
  static final String FLAGS =
      PACKAGES.stream()
          .map(p -> "-J--add-opens=jdk.compiler/" + p + "=ALL-UNNAMED")
          .collect(Collectors.joining(" "));

  /** Test hook: behave as under --sun-misc-unsafe-memory-access=deny, which JDK 17 lacks. */
  static final String DENY_UNSAFE_PROPERTY = "mapguard.internal.denyUnsafe";

  private JavacInternals() {}

  /** Mirrors the start of java.lang.reflect.AccessibleObject's layout to find its override flag. */
  @SuppressWarnings("unused")
  private static final class AccessibleObjectLayout {
    boolean first;
    volatile Object second;
  }

  /**
   * Makes the packages accessible.
   *
   * @return null when they are; else why not, for the message that the plugin is off
   */
  static String open() {
    Module compiler = ModuleLayer.boot().findModule("jdk.compiler").orElse(null);
    if (compiler == null) {
      return "this JVM has no jdk.compiler module";
    }
    Module ours = JavacInternals.class.getModule();
    if (PACKAGES.stream().allMatch(p -> compiler.isOpen(p, ours))) {
      return null;
    }
    String failure;
    try {
      Method addOpens = Module.class.getDeclaredMethod("implAddOpens", String.class, Module.class);
      makeAccessible(addOpens);
      for (String pkg : PACKAGES) {
        if (!compiler.isOpen(pkg, ours)) {
          addOpens.invoke(compiler, pkg, ours);
        }
      }
      return null;
    } catch (InvocationTargetException e) {
      failure = String.valueOf(e.getCause());
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      failure = String.valueOf(e);
    }
    // Exported is enough for the analysis; only ListenerFreeParsing's speed-up needs open packages.
    if (PACKAGES.stream().allMatch(p -> compiler.isExported(p, ours))) {
      return null;
    }
    return "they are not open to it, and opening them through sun.misc.Unsafe failed: " + failure;
  }

  private static void makeAccessible(Method method) throws ReflectiveOperationException {
    if (Boolean.getBoolean(DENY_UNSAFE_PROPERTY)) {
      throw new UnsupportedOperationException(
          "sun.misc.Unsafe denied (" + DENY_UNSAFE_PROPERTY + ")");
    }
    Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
    Field theUnsafe = unsafeClass.getDeclaredField("theUnsafe");
    theUnsafe.setAccessible(true);
    Object unsafe = theUnsafe.get(null);
    long offset =
        (long)
            unsafeClass
                .getMethod("objectFieldOffset", Field.class)
                .invoke(unsafe, AccessibleObjectLayout.class.getDeclaredField("first"));
    unsafeClass
        .getMethod("putBooleanVolatile", Object.class, long.class, boolean.class)
        .invoke(unsafe, method, offset, true);
  }
}
