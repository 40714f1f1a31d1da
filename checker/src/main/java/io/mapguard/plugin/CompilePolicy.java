package io.mapguard.plugin;

import com.sun.tools.javac.main.JavaCompiler;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.Options;
import java.lang.reflect.Field;

/**
 * Asks javac to attribute every class before it analyses any ({@code -XDcompilePolicy=simple}, the
 * policy Error Prone requires), unless the build chose a policy itself. The findings that depend on
 * other classes are decided against the calls of the whole compilation ({@code
 * JavacProjectCalls}), which needs them attributed. Measured on guava, this policy costs no more
 * than javac's default (docs/design.md, "The project-wide step"). When it cannot be set, those
 * findings all stand: the plugin reports what it reported before.
 */
final class CompilePolicy {
  private CompilePolicy() {}

  static void preferSimple(Context context) {
    if (Options.instance(context).isSet("compilePolicy")) {
      return;
    }
    try {
      Field policy = JavaCompiler.class.getDeclaredField("compilePolicy");
      policy.setAccessible(true);
      Class<?> policies = policy.getType();
      Object simple = policies.getMethod("valueOf", String.class).invoke(null, "SIMPLE");
      policy.set(JavaCompiler.instance(context), simple);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      // javac keeps its own policy; see the class comment
    }
  }
}
