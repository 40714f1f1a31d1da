package io.mapguard.plugin;

import com.sun.tools.javac.api.MultiTaskListener;
import com.sun.tools.javac.main.JavaCompiler;
import com.sun.tools.javac.parser.JavacParser;
import com.sun.tools.javac.parser.ParserFactory;
import com.sun.tools.javac.util.Context;
import java.lang.reflect.Field;
import java.util.Map;

/**
 * Parses as javac does when no plugin is there. Once any {@code TaskListener} is registered,
 * command-line javac ({@code JavaCompiler.parse}) makes the parser keep every doc comment and an
 * end-position table for each file: about 6% of a compile of guava, which mapguard's listener does
 * not use (its diagnostics need start positions only). This parser factory hands the parser the
 * settings javac had before the listener forced them (those that annotation processing,
 * {@code -Xjcov}, {@code -printsource} or a javax.tools task ask for: build tools and IDEs keep
 * both anyway), as long as mapguard's listener is the only one: with any other (Error Prone,
 * doclint, a build tool's) it changes nothing.
 */
final class ListenerFreeParsing extends ParserFactory {
  private final Context context;
  /** javac's own settings, read when the first file is about to be parsed; null before. */
  private volatile Settings javacSettings;

  private record Settings(boolean keepDocComments, boolean keepEndPositions) {}

  private ListenerFreeParsing(Context context) {
    super(context);
    this.context = context;
  }

  /**
   * Gives javac's compiler this factory in place of javac's own (which javac made, with the compiler,
   * before plugins start) and returns what mapguard's listener must call as each file's parse
   * starts. Changes nothing, and returns a no-op, when the compiler has someone else's factory.
   *
   * @throws ReflectiveOperationException when this javac is not shaped as this class expects;
   *     nothing has been changed then
   */
  static Runnable install(Context context) throws ReflectiveOperationException {
    // the parts of javac's factory this subclass relies on, checked before anything is changed
    ParserFactory.class.getDeclaredConstructor(Context.class);
    ParserFactory.class.getMethod(
        "newParser", CharSequence.class, boolean.class, boolean.class, boolean.class, boolean.class);
    Field compilersFactory = JavaCompiler.class.getDeclaredField("parserFactory");
    Field contextEntries = Context.class.getDeclaredField("ht");
    compilersFactory.setAccessible(true);
    contextEntries.setAccessible(true);
    @SuppressWarnings("unchecked")
    Map<Object, Object> entries = (Map<Object, Object>) contextEntries.get(context);
    // javac's own, not made here: making the compiler earlier than javac would is not ours to do
    JavaCompiler compiler =
        (JavaCompiler) entries.values().stream().filter(v -> v instanceof JavaCompiler).findFirst().orElse(null);
    Object javacs = compiler == null ? null : compilersFactory.get(compiler);
    if (javacs == null || javacs.getClass() != ParserFactory.class || entries.get(parserFactoryKey) != javacs) {
      return () -> {};
    }
    // a factory registers itself in the context, which refuses a second one
    entries.remove(parserFactoryKey);
    ListenerFreeParsing ours;
    try {
      ours = new ListenerFreeParsing(context);
    } catch (RuntimeException | LinkageError e) {
      entries.put(parserFactoryKey, javacs);
      throw e;
    }
    compilersFactory.set(compiler, ours);
    return ours::readJavacSettings;
  }

  /** Called as the parse of a file starts, before javac turns both settings on for its listeners. */
  private void readJavacSettings() {
    if (javacSettings == null) {
      JavaCompiler compiler = JavaCompiler.instance(context);
      javacSettings = new Settings(compiler.keepComments || compiler.sourceOutput, compiler.genEndPos);
    }
  }

  @Override
  public JavacParser newParser(
      CharSequence input,
      boolean keepDocComments,
      boolean keepEndPositions,
      boolean keepLineMap,
      boolean parseModuleInfo) {
    Settings own = javacSettings;
    if (own != null && onlyMapGuardListens()) {
      keepDocComments = own.keepDocComments();
      keepEndPositions = own.keepEndPositions();
    }
    return super.newParser(input, keepDocComments, keepEndPositions, keepLineMap, parseModuleInfo);
  }

  private boolean onlyMapGuardListens() {
    return MultiTaskListener.instance(context).getTaskListeners().size() == 1;
  }
}
