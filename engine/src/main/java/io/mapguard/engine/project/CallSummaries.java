package io.mapguard.engine.project;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The summary of one top-level class's calls, as a compilation writes it into its output ({@link
 * #RESOURCE_DIRECTORY}) and mapvet into {@code --summaries-out}, and as both read it back for the
 * classes whose sources they do not read now. The format is text (UTF-8), one record per line,
 * fields separated by tabs; docs/summaries.md describes it. A reader refuses another {@link
 * #VERSION}, so a summary written by an older mapguard is never misread.
 *
 * <pre>
 * mapguard-summary	1
 * class	com.acme.Inventory	src/main/java/com/acme/Inventory.java
 * types	0	com.acme.Inventory,java.lang.Object
 * method	0	0	restock	1	o
 * call	reserve	2	com.acme.Stock	42	t	DISCARDED	0	-	1	-	-	-	-	-
 * call	tagsOf	1	com.acme.Sessions	48	-	OTHER	0	-	-	-	add	-	-	-
 * ref	reserve	57
 * use	com.acme.Shelf#onHand	19	w	the task submitted at Receiving.java:19	-	-
 * finding	UnsynchronizedSharedMap	12	5	…	Field 'stock' …	written-by-task-elsewhere	0:restock:1	Guard it …
 * </pre>
 */
public final class CallSummaries {
  private CallSummaries() {}

  /** The format's version: a reader takes only its own. */
  public static final int VERSION = 6;

  /** Where in a class output (a directory or jar) the summaries are, one file per top-level class. */
  public static final String RESOURCE_DIRECTORY = "META-INF/mapguard/summaries";

  /** The file name of a class's summary: {@code com.acme.Inventory.calls}. */
  public static String fileName(String className) {
    return className + SUFFIX;
  }

  public static final String SUFFIX = ".calls";

  private static final String HEADER = "mapguard-summary";
  private static final String NONE = "-";

  /**
   * The calls of one top-level class, named by its qualified name, written in {@code file}, its
   * tasks' uses of inherited map fields ({@link FieldUse}), and the findings in it that its
   * compilation could not decide ({@link PendingFinding}).
   */
  public record ClassCalls(
      String className, String file, List<CallSite> sites, List<FieldUse> fieldUses, List<PendingFinding> pending) {
    public ClassCalls {
      sites = List.copyOf(sites);
      fieldUses = List.copyOf(fieldUses);
      pending = List.copyOf(pending);
    }

    /** A class with no pending finding. */
    public ClassCalls(String className, String file, List<CallSite> sites, List<FieldUse> fieldUses) {
      this(className, file, sites, fieldUses, List.of());
    }

    /** The same calls, with {@code findings} as its pending findings. */
    public ClassCalls withPending(List<PendingFinding> findings) {
      return new ClassCalls(className, file, sites, fieldUses, findings);
    }
  }

  /** A summary that cannot be read: another version, or not a summary. */
  public static final class UnreadableSummary extends Exception {
    public UnreadableSummary(String message) {
      super(message);
    }
  }

  /**
   * The summary's text. The calling methods and their classes' type lists are written once each, in
   * {@code types} and {@code method} lines that the calls refer to by number: a class's calls share a
   * few callers, and a type list can be long.
   */
  public static String write(ClassCalls calls) {
    StringBuilder out = new StringBuilder(64 + calls.sites().size() * 48);
    out.append(HEADER).append('\t').append(VERSION).append('\n');
    out.append("class\t").append(escape(calls.className())).append('\t').append(escape(calls.file())).append('\n');
    Map<List<String>, Integer> typeLists = new HashMap<>();
    Map<String, Integer> methods = new HashMap<>();
    for (CallSite site : calls.sites()) {
      if (site.isReference()) {
        out.append("ref\t").append(escape(site.name())).append('\t').append(site.line()).append('\n');
        continue;
      }
      String method = NONE;
      ProjectMethod caller = site.caller();
      if (caller != null) {
        int types = typesNumber(caller.ownerTypes(), typeLists, out);
        String key = types + "\t" + escape(caller.name()) + "\t" + caller.arity() + "\t" + (site.callerOpen() ? "o" : NONE);
        Integer id = methods.get(key);
        if (id == null) {
          id = methods.size();
          methods.put(key, id);
          out.append("method\t").append(id).append('\t').append(key).append('\n');
        }
        method = id.toString();
      }
      out.append("call\t").append(escape(site.name())).append('\t').append(site.arity()).append('\t');
      out.append(orNone(site.calleeOwner())).append('\t').append(site.line()).append('\t');
      int flagsAt = out.length();
      if (site.receiverThisOrImplicit()) {
        out.append('t');
      }
      if (site.selfMonitorHeld()) {
        out.append('s');
      }
      if (site.receiverMonitorHeld()) {
        out.append('r');
      }
      if (caller == null && site.callerOpen()) {
        out.append('o'); // a call in no method: code anywhere may run it
      }
      if (out.length() == flagsAt) {
        out.append(NONE);
      }
      out.append('\t').append(site.use().name()).append('\t').append(method).append('\t');
      out.append(site.classMonitorsHeld().isEmpty() ? NONE : list(site.classMonitorsHeld().stream().sorted().toList()));
      out.append('\t');
      out.append(
          site.nullArguments().isEmpty()
              ? NONE
              : list(site.nullArguments().stream().sorted().map(String::valueOf).toList()));
      out.append('\t').append(orNone(site.thread())).append('\t');
      out.append(site.resultUses().isEmpty() ? NONE : list(site.resultUses().stream().sorted().toList()));
      out.append('\t').append(orNone(site.receiverField()));
      out.append('\t').append(orNone(site.serialExecutor()));
      out.append('\t').append(orNone(site.copies()));
      out.append('\n');
    }
    for (FieldUse use : calls.fieldUses()) {
      out.append("use\t").append(escape(use.field())).append('\t').append(use.line()).append('\t');
      int flagsAt = out.length();
      if (use.write()) {
        out.append('w');
      }
      if (use.monitorHeld()) {
        out.append('m');
      }
      if (out.length() == flagsAt) {
        out.append(NONE);
      }
      out.append('\t').append(orNone(use.thread()));
      out.append('\t').append(orNone(use.serialExecutor()));
      out.append('\t').append(orNone(use.copies()));
      out.append('\n');
    }
    for (PendingFinding finding : calls.pending()) {
      writePending(finding, typeLists, out);
    }
    return out.toString();
  }

  /**
   * The number of the {@code types} line of {@code ownerTypes}, the line written now when it is the
   * first to need it.
   */
  private static int typesNumber(List<String> ownerTypes, Map<List<String>, Integer> typeLists, StringBuilder out) {
    Integer types = typeLists.get(ownerTypes);
    if (types == null) {
      types = typeLists.size();
      typeLists.put(ownerTypes, types);
      out.append("types\t").append(types).append('\t').append(list(ownerTypes)).append('\n');
    }
    return types;
  }

  /**
   * A {@code finding} line: rule, line, column, fingerprint, message, then the condition's kind and
   * fields ({@link SummarizedConditions}), its methods written {@code types:name:arity}. A finding
   * whose condition summaries do not keep is left out.
   */
  private static void writePending(PendingFinding finding, Map<List<String>, Integer> typeLists, StringBuilder out) {
    List<String> condition =
        SummarizedConditions.write(
            finding.condition(),
            method ->
                method == null
                    ? null
                    : typesNumber(method.ownerTypes(), typeLists, out) + ":" + method.name() + ":" + method.arity());
    if (condition == null) {
      return;
    }
    out.append("finding\t").append(escape(finding.rule())).append('\t').append(finding.line()).append('\t');
    out.append(finding.column()).append('\t').append(orNone(finding.fingerprint())).append('\t');
    out.append(escape(finding.message()));
    for (String field : condition) {
      out.append('\t').append(orNone(field));
    }
    out.append('\n');
  }

  /**
   * The summary in {@code text}.
   *
   * @throws UnreadableSummary when it is not a summary of this {@link #VERSION} or a line cannot be
   *     read (the message names the line)
   */
  public static ClassCalls read(String text) throws UnreadableSummary {
    String[] lines = text.split("\n", -1);
    if (lines.length < 2 || !lines[0].startsWith(HEADER + "\t")) {
      throw new UnreadableSummary("not a mapguard summary");
    }
    if (!lines[0].equals(HEADER + "\t" + VERSION)) {
      throw new UnreadableSummary(
          "summary version " + lines[0].substring(HEADER.length() + 1) + ", this mapguard reads version " + VERSION);
    }
    String[] header = lines[1].split("\t", -1);
    if (header.length != 3 || !header[0].equals("class")) {
      throw new UnreadableSummary("line 2: expected 'class', its name and its file");
    }
    String file = unescape(header[2]);
    List<CallSite> sites = new ArrayList<>();
    List<FieldUse> uses = new ArrayList<>();
    List<PendingFinding> pending = new ArrayList<>();
    Map<String, List<String>> typeLists = new HashMap<>();
    Map<String, String[]> methods = new HashMap<>();
    for (int i = 2; i < lines.length; i++) {
      if (lines[i].isEmpty()) {
        continue;
      }
      String[] f = lines[i].split("\t", -1);
      try {
        switch (f[0]) {
          case "types" -> {
            fields(f, 3);
            typeLists.put(f[1], Arrays.asList(unescape(f[2]).split(",")));
          }
          case "method" -> {
            fields(f, 6);
            if (!typeLists.containsKey(f[2])) {
              throw new IllegalArgumentException("no types " + f[2] + " before it");
            }
            methods.put(f[1], f);
          }
          case "ref" -> {
            fields(f, 3);
            sites.add(CallSite.reference(unescape(f[1]), file, Integer.parseInt(f[2])));
          }
          case "call" -> {
            fields(f, 15);
            sites.add(call(f, file, typeLists, methods));
          }
          case "use" -> {
            fields(f, 7);
            uses.add(
                new FieldUse(
                    unescape(f[1]),
                    file,
                    Integer.parseInt(f[2]),
                    f[3].contains("w"),
                    f[3].contains("m"),
                    noneOr(f[4]),
                    noneOr(f[5]),
                    noneOr(f[6])));
          }
          case "finding" -> pending.add(pending(f, file, typeLists));
          default -> throw new IllegalArgumentException("unknown record '" + f[0] + "'");
        }
      } catch (RuntimeException e) {
        throw new UnreadableSummary("line " + (i + 1) + ": " + e.getMessage());
      }
    }
    return new ClassCalls(unescape(header[1]), file, sites, uses, pending);
  }

  private static PendingFinding pending(String[] f, String file, Map<String, List<String>> typeLists) {
    if (f.length < 7) {
      throw new IllegalArgumentException("'finding' has " + f.length + " fields, not 7 or more");
    }
    List<String> conditionFields = new ArrayList<>();
    for (int i = 7; i < f.length; i++) {
      conditionFields.add(noneOr(f[i]));
    }
    Function<String, ProjectMethod> methods =
        field -> {
          if (field == null) {
            return null;
          }
          String[] parts = field.split(":", -1);
          List<String> types = parts.length == 3 ? typeLists.get(parts[0]) : null;
          if (types == null) {
            throw new IllegalArgumentException("no types for the method '" + field + "' before it");
          }
          return new ProjectMethod(types, parts[1], Integer.parseInt(parts[2]));
        };
    return new PendingFinding(
        unescape(f[1]),
        file,
        Integer.parseInt(f[2]),
        Integer.parseInt(f[3]),
        noneOr(f[4]),
        unescape(f[5]),
        SummarizedConditions.read(unescape(f[6]), conditionFields, methods));
  }

  private static void fields(String[] f, int count) {
    if (f.length != count) {
      throw new IllegalArgumentException("'" + f[0] + "' has " + f.length + " fields, not " + count);
    }
  }

  private static CallSite call(
      String[] f, String file, Map<String, List<String>> typeLists, Map<String, String[]> methods) {
    String flags = f[5];
    ProjectMethod caller = null;
    boolean open = flags.contains("o");
    if (!f[7].equals(NONE)) {
      String[] method = methods.get(f[7]);
      if (method == null) {
        throw new IllegalArgumentException("no method " + f[7] + " before it");
      }
      caller = new ProjectMethod(typeLists.get(method[2]), unescape(method[3]), Integer.parseInt(method[4]));
      open = method[5].equals("o");
    }
    Set<Integer> nulls = new LinkedHashSet<>();
    if (!f[9].equals(NONE)) {
      for (String position : f[9].split(",")) {
        nulls.add(Integer.parseInt(position));
      }
    }
    return new CallSite(
        unescape(f[1]),
        Integer.parseInt(f[2]),
        noneOr(f[3]),
        caller,
        open,
        ResultUse.valueOf(f[6]),
        file,
        Integer.parseInt(f[4]),
        flags.contains("t"),
        flags.contains("s"),
        flags.contains("r"),
        f[8].equals(NONE) ? Set.of() : Set.of(f[8].split(",")),
        nulls,
        noneOr(f[10]),
        f[11].equals(NONE) ? Set.of() : Set.of(unescape(f[11]).split(",")),
        noneOr(f[12]),
        noneOr(f[13]),
        noneOr(f[14]));
  }

  private static String list(List<String> items) {
    return escape(String.join(",", items));
  }

  private static String orNone(String value) {
    return value == null ? NONE : value.equals(NONE) ? "\\" + NONE : escape(value);
  }

  private static String noneOr(String field) {
    return field.equals(NONE) ? null : unescape(field);
  }

  /** Tabs, line ends and backslashes written as {@code \t}, {@code \n}, {@code \r}, {@code \\}. */
  private static String escape(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String unescape(String field) {
    if (field.indexOf('\\') < 0) {
      return field;
    }
    StringBuilder out = new StringBuilder(field.length());
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c != '\\' || i + 1 == field.length()) {
        out.append(c);
        continue;
      }
      char next = field.charAt(++i);
      out.append(next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : next);
    }
    return out.toString();
  }
}
