package io.mapguard.javac;

import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.comp.Modules;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.tree.JCTree.JCCompilationUnit;
import com.sun.tools.javac.tree.TreeInfo;
import com.sun.tools.javac.util.Context;
import io.mapguard.engine.extract.KnownApis;
import io.mapguard.engine.extract.ProjectCallShapes;
import io.mapguard.engine.project.CallSite;
import io.mapguard.engine.project.CallSummaries;
import io.mapguard.engine.project.CallSummaries.ClassCalls;
import io.mapguard.engine.project.FieldUse;
import io.mapguard.engine.project.PendingFinding;
import io.mapguard.engine.project.StoredSummaries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * Summaries of the compilation's classes' calls, written into the class output as each class is
 * analysed (when asked: {@code -summaries}), and those of the classes on the class path that the
 * compilation does not compile, read when the first finding asks about other classes' calls ({@link
 * CallSummaries}). Calls of JDK methods and of the class's own methods are left out: no summary is
 * ever asked about them.
 */
public final class JavacCallSummaries {
  private final Context context;
  private final JavacTypes types;
  private final KnownApis apis;
  private final JavaFileManager files;
  /** Summaries that could not be read or written, for the one note the compilation prints. */
  private final List<String> problems = new ArrayList<>();
  /** Set once the class output refused a summary: the others are not tried. */
  private volatile boolean writingFailed;
  /** The summaries' directory in the class output, when that is a path (found at the first write). */
  private Path outputDirectory;
  private boolean outputDirectoryKnown;

  JavacCallSummaries(Context context, JavacTypes types, KnownApis apis) {
    this.context = context;
    this.types = types;
    this.apis = apis;
    this.files = context.get(JavaFileManager.class);
  }

  /** What went wrong with summaries so far (and forgets it): each entry names the summary. */
  public synchronized List<String> takeProblems() {
    if (problems.isEmpty()) {
      return List.of(); // asked after every class: most compilations have none
    }
    List<String> taken = List.copyOf(problems);
    problems.clear();
    return taken;
  }

  private synchronized void problem(String problem) {
    problems.add(problem);
  }

  /**
   * Writes the summary of {@code topLevel}'s calls and its {@code pending} findings into the class
   * output, when the compilation has one.
   */
  public void write(JCCompilationUnit unit, JCClassDecl topLevel, List<PendingFinding> pending) {
    if (writingFailed || topLevel.sym == null || !files.hasLocation(StandardLocation.CLASS_OUTPUT)) {
      return;
    }
    String className = types.text(topLevel.sym.flatName());
    String summary = CallSummaries.write(summarize(unit, topLevel).withPending(pending));
    try {
      byte[] bytes = summary.getBytes(StandardCharsets.UTF_8); // UTF-8 whatever the -encoding: the format's own
      Path directory = summaryDirectory();
      if (directory != null) {
        // straight to the directory: javac's file objects cost more than the summary itself
        Files.write(directory.resolve(CallSummaries.fileName(className)), bytes);
        return;
      }
      // in a multi-module compilation, into the class's own module's output, as its classes go
      JavaFileManager.Location output =
          Modules.instance(context).multiModuleMode
              ? files.getLocationForModule(StandardLocation.CLASS_OUTPUT, topLevel.sym.packge().modle.name.toString())
              : StandardLocation.CLASS_OUTPUT;
      FileObject out =
          files.getFileForOutput(
              output, "", CallSummaries.RESOURCE_DIRECTORY + "/" + CallSummaries.fileName(className), null);
      try (java.io.OutputStream stream = out.openOutputStream()) {
        stream.write(bytes);
      }
    } catch (IOException | RuntimeException e) {
      // one note for the compilation: an output that refuses one summary refuses them all
      writingFailed = true;
      problem(
          "cannot write the summary of "
              + className
              + " ("
              + e
              + "); no further summaries are written in this compilation (see docs/summaries.md)");
    }
  }

  /**
   * The summaries' directory in the class output when that is one directory on disk (javac's -d),
   * made at the first write; null for a file manager of another kind (an in-memory one, a
   * module-oriented output), which is then written through.
   */
  private synchronized Path summaryDirectory() throws IOException {
    if (!outputDirectoryKnown) {
      outputDirectoryKnown = true;
      if (files instanceof StandardJavaFileManager && !Modules.instance(context).multiModuleMode) {
        try {
          Iterable<? extends Path> paths =
              ((StandardJavaFileManager) files).getLocationAsPaths(StandardLocation.CLASS_OUTPUT);
          java.util.Iterator<? extends Path> only = paths == null ? null : paths.iterator();
          Path first = only != null && only.hasNext() ? only.next() : null;
          outputDirectory = first != null && !only.hasNext() ? first.resolve(CallSummaries.RESOURCE_DIRECTORY) : null;
        } catch (RuntimeException e) {
          outputDirectory = null;
        }
        if (outputDirectory != null) {
          Files.createDirectories(outputDirectory);
        }
      }
    }
    return outputDirectory;
  }

  /**
   * The calls written in {@code topLevel} (and its nested classes) that may run a method of another
   * class, not of the JDK, and its tasks' uses of inherited map fields.
   */
  ClassCalls summarize(JCCompilationUnit unit, JCClassDecl topLevel) {
    JavacSyntax port = new JavacSyntax(unit, types, topLevel.sym);
    String file = unit.getSourceFile().getName();
    List<CallSite> sites = new ArrayList<>();
    List<FieldUse> uses = new ArrayList<>();
    ProjectCallShapes.SiteMemo memo = new ProjectCallShapes.SiteMemo();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(com.sun.source.tree.MethodInvocationTree node, Void nothing) {
        Symbol callee = TreeInfo.symbol(((JCTree.JCMethodInvocation) node).meth);
        if (callee == null || !inPlatform(callee) && !inClass(callee, topLevel.sym)) {
          sites.add(ProjectCallShapes.siteOf(port, apis, JavacSyntax.path(getCurrentPath()), file, memo));
        }
        return super.visitMethodInvocation(node, nothing);
      }

      @Override
      public Void visitMemberReference(com.sun.source.tree.MemberReferenceTree node, Void nothing) {
        JCTree.JCMemberReference reference = (JCTree.JCMemberReference) node;
        if (reference.sym == null || !inPlatform(reference.sym)) {
          sites.add(CallSite.reference(types.text(reference.name), file, port.line(reference)));
        }
        return super.visitMemberReference(node, nothing);
      }

      @Override
      public Void visitIdentifier(com.sun.source.tree.IdentifierTree node, Void nothing) {
        addInheritedFieldUse(((JCTree.JCIdent) node).sym);
        return super.visitIdentifier(node, nothing);
      }

      @Override
      public Void visitMemberSelect(com.sun.source.tree.MemberSelectTree node, Void nothing) {
        addInheritedFieldUse(((JCTree.JCFieldAccess) node).sym);
        return super.visitMemberSelect(node, nothing);
      }

      private void addInheritedFieldUse(Symbol symbol) {
        if (JavacProjectCalls.inheritedInstanceField(symbol, topLevel.sym)) {
          FieldUse use = ProjectCallShapes.inheritedFieldUseOf(port, apis, JavacSyntax.path(getCurrentPath()), file, memo);
          if (use != null) {
            uses.add(use);
          }
        }
      }
    }.scan(new TreePath(new TreePath(unit), topLevel), null);
    return new ClassCalls(types.text(topLevel.sym.flatName()), file, sites, uses);
  }

  /**
   * A method of the summarized class itself (or of a class nested in it): asked about only while
   * that class is compiled, when its own source answers.
   */
  private static boolean inClass(Symbol method, ClassSymbol topLevel) {
    return method.owner instanceof ClassSymbol && ((ClassSymbol) method.owner).outermostClass() == topLevel;
  }

  /** A method of a class of the JDK's own modules: no project summary is asked about it. */
  private static boolean inPlatform(Symbol method) {
    Symbol.ClassSymbol owner = method.owner instanceof ClassSymbol ? (ClassSymbol) method.owner : null;
    return owner != null
        && owner.packge().modle != null
        && (owner.packge().modle.flags() & Flags.SYSTEM_MODULE) != 0;
  }

  /**
   * The summaries on the class path of the classes this compilation does not compile (a class
   * compiled now has its calls read from its source); one that cannot be read is left out, named in
   * {@link #takeProblems}.
   */
  public List<ClassCalls> readClassPath() {
    List<ClassCalls> stored = onClassPath();
    if (stored.isEmpty()) {
      return stored; // most class paths: the compiled classes need not be listed
    }
    Set<String> compiledNow = new HashSet<>();
    for (JCCompilationUnit unit : JavacProjectCalls.compiledUnits(context)) {
      for (JCTree definition : unit.defs) {
        if (definition instanceof JCClassDecl && ((JCClassDecl) definition).sym != null) {
          compiledNow.add(types.text(((JCClassDecl) definition).sym.flatName()));
        }
      }
    }
    List<ClassCalls> read = new ArrayList<>();
    for (ClassCalls calls : stored) {
      if (!compiledNow.contains(calls.className())) {
        read.add(calls);
      }
    }
    return read;
  }

  /**
   * Every summary on the class path. javac's file manager lists no {@code META-INF} entry of a jar
   * (its name is not a package's), so the class path's directories and jars are read as paths
   * when the file manager has them; else through its listing, which finds those of directories.
   */
  private List<ClassCalls> onClassPath() {
    try {
      if (!files.hasLocation(StandardLocation.CLASS_PATH)) {
        return List.of();
      }
      if (files instanceof StandardJavaFileManager standard) {
        StoredSummaries.Read stored = StoredSummaries.read(standard.getLocationAsPaths(StandardLocation.CLASS_PATH));
        stored.problems().forEach(this::problem);
        return stored.summaries();
      }
    } catch (RuntimeException e) {
      // a file manager that has no paths for its class path: listed below
    }
    List<ClassCalls> read = new ArrayList<>();
    Iterable<JavaFileObject> listed;
    try {
      listed =
          files.list(
              StandardLocation.CLASS_PATH,
              CallSummaries.RESOURCE_DIRECTORY.replace('/', '.'),
              Set.of(JavaFileObject.Kind.OTHER),
              false);
    } catch (IOException | RuntimeException e) {
      problem("cannot list the summaries on the class path (" + e + ")");
      return read;
    }
    for (JavaFileObject summary : listed) {
      String name = summary.getName();
      if (!name.endsWith(CallSummaries.SUFFIX)) {
        continue;
      }
      try {
        String text;
        try (java.io.InputStream stream = summary.openInputStream()) {
          text = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
        read.add(CallSummaries.read(text));
      } catch (IOException | CallSummaries.UnreadableSummary | RuntimeException e) {
        problem("cannot read the summary " + summary.toUri() + " (" + e.getMessage() + ")");
      }
    }
    return read;
  }

  /** Whether the type named first is the second or a subtype of it, as this compilation sees them. */
  public boolean isSubtype(String type, String supertype) {
    return types.isSubtype(types.named(type), supertype);
  }
}
