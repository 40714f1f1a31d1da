package io.mapguard.javac;

import com.sun.source.util.TreePath;
import com.sun.tools.javac.processing.JavacProcessingEnvironment;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.tree.JCTree.JCCompilationUnit;
import com.sun.tools.javac.tree.JCTree.JCLambda;
import com.sun.tools.javac.tree.JCTree.JCMethodDecl;
import com.sun.tools.javac.tree.JCTree.JCVariableDecl;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.Names;
import io.mapguard.engine.AnalysisOptions;
import io.mapguard.engine.extract.ExtractionTables;
import io.mapguard.engine.extract.FactAssembly;
import io.mapguard.engine.extract.KnownApis;
import io.mapguard.engine.model.ClassFacts;
import io.mapguard.engine.model.CodeUnit;
import io.mapguard.engine.model.Site;
import io.mapguard.javac.ExtractionState.UnitInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.VariableElement;

/**
 * Translates one attributed top-level class into engine facts. It only reads syntax and types; every
 * judgement (sharing, guards, what to report) is the engine's.
 *
 * <p>This class only drives the extraction. What the code means is decided by the engine's roles
 * ({@code io.mapguard.engine.extract}: the triage, method units, task starts, map uses, the
 * assembly…), which read the trees through {@link JavacSyntax}; the javac-specific parts share one
 * {@link ExtractionState} per class: {@link MapDeclarations}, {@link CodeUnits}, {@link UseScanner}
 * and {@link SourceSites}. mapvet's {@code AstFactExtractor} does the
 * same with JavaParser.
 */
public final class FactExtractor {
  private final Context context;
  private final JavacTypes types;
  private final KnownApis apis;
  private final ProcessingEnvironment env;
  private final Names names;
  /** Whether other classes call a class's methods on fields (see {@link JavacProjectCalls#calledOnFieldsElsewhere}). */
  private final Predicate<JCClassDecl> calledOnFieldsElsewhere;

  public FactExtractor(Context context, AnalysisOptions options, Predicate<JCClassDecl> calledOnFieldsElsewhere) {
    this.context = context;
    this.calledOnFieldsElsewhere = calledOnFieldsElsewhere;
    this.types = JavacTypes.instance(context);
    this.apis = new KnownApis(types, options.immediateCallbacks(), options.threadStartApis());
    this.env = JavacProcessingEnvironment.instance(context);
    this.names = Names.instance(context);
  }

  public ClassFacts extract(JCCompilationUnit unit, JCClassDecl topLevel) {
    return new Extraction(unit, topLevel).run();
  }

  private final class Extraction implements ExtractionTables.Steps<JCTree, TreePath> {
    private final ExtractionState state;
    private final SourceSites sites;
    private final MapDeclarations declarations;
    private UseScanner scanner;

    Extraction(JCCompilationUnit compilationUnit, JCClassDecl topLevel) {
      this.state = new ExtractionState(compilationUnit, topLevel, context, types, apis, names);
      this.sites = new SourceSites(state);
      this.declarations = new MapDeclarations(state, sites);
    }

    ClassFacts run() {
      String file = state.compilationUnit.getSourceFile().getName();
      ClassFacts facts = ClassFacts.empty(state.topSymbol.getQualifiedName().toString(), file);
      state.extract(facts, this);
      return facts;
    }

    @Override
    public Site site(JCTree node) {
      return sites.site(TreePath.getPath(state.compilationUnit, node));
    }

    @Override
    public void addInheritedFields() {
      declarations.addInheritedFields();
    }

    @Override
    public boolean calledOnFieldsElsewhere() {
      return calledOnFieldsElsewhere.test(state.topLevelTree);
    }

    @Override
    public Site fieldSite(JCTree declaration) {
      return declarations.declarationSite((JCVariableDecl) declaration);
    }

    @Override
    public void describeClass(ClassFacts facts) {
      for (var annotation : state.topSymbol.getAnnotationMirrors()) {
        String name = annotation.type.tsym.getQualifiedName().toString();
        facts.annotations().add(name);
        List<String> values = new ArrayList<>();
        annotation.getElementValues().values().forEach(value -> addValues(value.getValue(), values));
        if (!values.isEmpty()) {
          facts.annotationValues().put(name, values);
        }
      }
      facts.supertypes().addAll(types.typeAndSupertypes(state.topSymbol.type));
    }

    @Override
    public Collection<UnitInfo> scan() {
      CodeUnits codeUnits = new CodeUnits(state);
      codeUnits.createMethodUnits(state.topLevelTree);
      scanner = new UseScanner(state, sites, codeUnits);
      scanner.scan(new TreePath(new TreePath(state.compilationUnit), state.topLevelTree), null);
      return state.infos.values();
    }

    @Override
    public FactAssembly.Positions<JCTree, TreePath> positions() {
      Set<CodeUnit> lockSensitive = FactAssembly.lockSensitiveUnits(state.infos.values());
      return new FactAssembly.Positions<>(
          JavacSyntax::path,
          sites::site,
          unit -> {
            HeldLocks regions = lockSensitive.contains(unit.unit) ? heldLocks((UnitInfo) unit) : null;
            return regions == null ? null : regions::heldAt;
          },
          edge -> state.shapes.updateAround(JavacSyntax.path(edge), state::mapFieldOf));
    }

    /**
     * Structured locking answers from the enclosing trees ({@link StructuredLockRegions}); other
     * lock calls take the dataflow, which runs on methods and lambdas. Under {@value
     * LockRegionsCheck#PROPERTY} both answer, and a difference fails the class's analysis.
     */
    private HeldLocks heldLocks(UnitInfo info) {
      if (!info.hasLockCalls) {
        return info.hasSynchronizedBlocks && info.body != null
            ? StructuredLockRegions.ofSynchronizedBlocks(bodyOf(info.body), state.locks)
            : null;
      }
      StructuredLockRegions structured =
          hasBody(info) ? StructuredLockRegions.of(bodyOf(info.body), state.locks) : null;
      if (structured == null) {
        return lockRegions(info);
      }
      return LockRegionsCheck.ENABLED ? LockRegionsCheck.compared(structured, lockRegions(info)) : structured;
    }

    /** A method with a body, or a lambda: the units the dataflow runs on. */
    private boolean hasBody(UnitInfo info) {
      return info.body instanceof JCMethodDecl && ((JCMethodDecl) info.body).body != null
          || info.body instanceof JCLambda;
    }

    private JCTree bodyOf(JCTree unitTree) {
      if (unitTree instanceof JCMethodDecl) {
        return ((JCMethodDecl) unitTree).body;
      }
      return unitTree instanceof JCLambda ? ((JCLambda) unitTree).body : unitTree;
    }

    private LockRegions lockRegions(UnitInfo info) {
      if (info.body instanceof JCMethodDecl && ((JCMethodDecl) info.body).body != null) {
        return LockRegions.forMethod(
            state.compilationUnit, (JCMethodDecl) info.body, info.owner, env, state.locks);
      }
      if (info.body instanceof JCLambda) {
        return LockRegions.forLambda(
            state.compilationUnit,
            (JCLambda) info.body,
            info.owner,
            info.enclosingMethod,
            env,
            state.locks);
      }
      return null;
    }
  }

  /**
   * An annotation element's value as {@code ClassFacts#annotationValues} holds it: a string (a
   * constant's value included), an enum constant's name, each element of an array.
   */
  private static void addValues(Object value, List<String> out) {
    if (value instanceof String) {
      out.add((String) value);
    } else if (value instanceof VariableElement) {
      out.add(((VariableElement) value).getSimpleName().toString());
    } else if (value instanceof List) {
      for (Object element : (List<?>) value) {
        addValues(element instanceof AnnotationValue ? ((AnnotationValue) element).getValue() : element, out);
      }
    }
  }
}
