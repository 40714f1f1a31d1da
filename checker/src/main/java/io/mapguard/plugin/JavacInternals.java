package io.mapguard.plugin;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;

/**
 * Opens the javac packages the analysis needs (the CFG builder works on javac's internal trees) to
 * the plugin's own module, so that {@code javac -processorpath mapguard.jar -Xplugin:MapGuard} works
 * without {@code -J--add-exports} flags. When they are already open (Error Prone's jvm.config, or the
 * flags given by hand), nothing is done.
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

  private JavacInternals() {}

  /** Mirrors the start of java.lang.reflect.AccessibleObject's layout to find its override flag. */
  @SuppressWarnings("unused")
  private static final class AccessibleObjectLayout {
    boolean first;
    volatile Object second;
  }

  static void open() throws ReflectiveOperationException {
    Module compiler =
        ModuleLayer.boot()
            .findModule("jdk.compiler")
            .orElseThrow(() -> new IllegalStateException("no jdk.compiler module"));
    Module ours = JavacInternals.class.getModule();
    if (PACKAGES.stream().allMatch(p -> compiler.isOpen(p, ours))) {
      return;
    }
    Method addOpens = Module.class.getDeclaredMethod("implAddOpens", String.class, Module.class);
    makeAccessible(addOpens);
    for (String pkg : PACKAGES) {
      if (!compiler.isOpen(pkg, ours)) {
        addOpens.invoke(compiler, pkg, ours);
      }
    }
  }

  private static void makeAccessible(Method method) throws ReflectiveOperationException {
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
