package io.mapguard.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.google.testing.compile.JavaFileObjects;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskListener;
import com.sun.tools.javac.api.MultiTaskListener;
import com.sun.tools.javac.main.Main;
import com.sun.tools.javac.parser.ParserFactory;
import com.sun.tools.javac.tree.JCTree.JCCompilationUnit;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.Position;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What javac keeps of a parsed file with mapguard's plugin: what it keeps without any plugin. */
class ListenerFreeParsingTest {
  private static final String SOURCE = "/** A doc comment. */\nclass Doc {\n  int x = 1;\n}\n";

  @TempDir Path directory;

  private record Kept(boolean docComments, boolean endPositions) {}

  @Test
  void onTheCommandLineWithMapGuardAloneTheParserKeepsNeither() throws IOException {
    Context context = new Context();

    compileOnTheCommandLine(context);

    assertInstanceOf(ListenerFreeParsing.class, ParserFactory.instance(context));
    // what javac's parse asks for once a listener is registered
    assertEquals(new Kept(false, false), parseAskingForBoth(context));
  }

  @Test
  void onTheCommandLineWithAnotherListenerTheParserKeepsBoth() throws IOException {
    Context context = new Context();
    MultiTaskListener.instance(context).add(new TaskListener() {});

    compileOnTheCommandLine(context);

    assertEquals(new Kept(true, true), parseAskingForBoth(context));
  }

  @Test
  void throughJavaxToolsJavacKeepsBothAsItDoesWithoutPlugins() throws IOException {
    // maven-compiler-plugin, Gradle and IDEs compile through javax.tools, where javac keeps both
    // for every task; mapguard leaves that as it is
    JavacTask task =
        (JavacTask)
            ToolProvider.getSystemJavaCompiler()
                .getTask(
                    new StringWriter(),
                    null,
                    new DiagnosticCollector<>(),
                    List.of("-Xplugin:MapGuard"),
                    null,
                    List.of(JavaFileObjects.forSourceString("Doc", SOURCE)));
    CompilationUnitTree unit = task.parse().iterator().next();

    assertEquals(new Kept(true, true), kept((JCCompilationUnit) unit));
  }

  /** As {@code javac} on the command line compiles: com.sun.tools.javac.Main, no javax.tools task. */
  private void compileOnTheCommandLine(Context context) throws IOException {
    context.put(JavaFileManager.class, ToolProvider.getSystemJavaCompiler().getStandardFileManager(null, null, null));
    Path source = Files.writeString(directory.resolve("Doc.java"), SOURCE);
    StringWriter output = new StringWriter();
    Main.Result result =
        new Main("javac", new PrintWriter(output, true))
            .compile(
                new String[] {
                  "-Xplugin:MapGuard", "-d", directory.toString(), "-proc:none", source.toString()
                },
                context);
    assertEquals(Main.Result.OK, result, output.toString());
  }

  private static Kept parseAskingForBoth(Context context) {
    return kept(ParserFactory.instance(context).newParser(SOURCE, true, true, true, false).parseCompilationUnit());
  }

  private static Kept kept(JCCompilationUnit unit) {
    // without end positions the table is an empty one that knows no tree's end
    return new Kept(
        unit.docComments != null, unit.endPositions.getEndPos(unit.getTypeDecls().get(0)) != Position.NOPOS);
  }
}
