package io.mapguard.engine.project;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
 * call	reserve	2	com.acme.Stock	42	ot	DISCARDED	com.acme.Inventory,java.lang.Object	restock	1	-	1	-
 * ref	reserve	57
 * </pre>
 */
public final class CallSummaries {
  private CallSummaries() {}

  /** The format's version: a reader takes only its own. */
  public static final int VERSION = 1;

  /** Where in a class output (a directory or jar) the summaries are, one file per top-level class. */
  public static final String RESOURCE_DIRECTORY = "META-INF/mapguard/summaries";

  /** The file name of a class's summary: {@code com.acme.Inventory.calls}. */
  public static String fileName(String className) {
    return className + SUFFIX;
  }

  public static final String SUFFIX = ".calls";

  private static final String HEADER = "mapguard-summary";
  private static final String NONE = "-";

  /** The calls of one top-level class, named by its qualified name, written in {@code file}. */
  public record ClassCalls(String className, String file, List<CallSite> sites) {
    public ClassCalls {
      sites = List.copyOf(sites);
    }
  }

  /** A summary that cannot be read: another version, or not a summary. */
  public static final class UnreadableSummary extends Exception {
    public UnreadableSummary(String message) {
      super(message);
    }
  }

  public static String write(ClassCalls calls) {
    StringBuilder out = new StringBuilder();
    out.append(HEADER).append('\t').append(VERSION).append('\n');
    out.append("class\t").append(escape(calls.className())).append('\t').append(escape(calls.file())).append('\n');
    for (CallSite site : calls.sites()) {
      if (site.isReference()) {
        out.append("ref\t").append(escape(site.name())).append('\t').append(site.line()).append('\n');
        continue;
      }
      ProjectMethod caller = site.caller();
      String flags =
          (site.callerOpen() ? "o" : "")
              + (site.receiverThisOrImplicit() ? "t" : "")
              + (site.selfMonitorHeld() ? "s" : "")
              + (site.receiverMonitorHeld() ? "r" : "");
      List<String> fields =
          List.of(
              "call",
              escape(site.name()),
              Integer.toString(site.arity()),
              orNone(site.calleeOwner()),
              Integer.toString(site.line()),
              flags.isEmpty() ? NONE : flags,
              site.use().name(),
              caller == null ? NONE : list(caller.ownerTypes()),
              caller == null ? NONE : escape(caller.name()),
              caller == null ? NONE : Integer.toString(caller.arity()),
              site.classMonitorsHeld().isEmpty() ? NONE : list(site.classMonitorsHeld().stream().sorted().toList()),
              site.nullArguments().isEmpty()
                  ? NONE
                  : list(site.nullArguments().stream().sorted().map(String::valueOf).toList()),
              orNone(site.thread()));
      out.append(String.join("\t", fields)).append('\n');
    }
    return out.toString();
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
    List<CallSite> sites = new ArrayList<>();
    String file = unescape(header[2]);
    for (int i = 2; i < lines.length; i++) {
      if (lines[i].isEmpty()) {
        continue;
      }
      try {
        sites.add(site(lines[i].split("\t", -1), file));
      } catch (RuntimeException e) {
        throw new UnreadableSummary("line " + (i + 1) + ": " + e.getMessage());
      }
    }
    return new ClassCalls(unescape(header[1]), file, sites);
  }

  private static CallSite site(String[] f, String file) {
    if (f[0].equals("ref") && f.length == 3) {
      return CallSite.reference(unescape(f[1]), file, Integer.parseInt(f[2]));
    }
    if (!f[0].equals("call") || f.length != 13) {
      throw new IllegalArgumentException("expected a 'call' of 13 fields or a 'ref' of 3");
    }
    String flags = f[5];
    ProjectMethod caller =
        f[7].equals(NONE) ? null : new ProjectMethod(Arrays.asList(f[7].split(",")), unescape(f[8]), Integer.parseInt(f[9]));
    Set<Integer> nulls = new LinkedHashSet<>();
    if (!f[11].equals(NONE)) {
      for (String position : f[11].split(",")) {
        nulls.add(Integer.parseInt(position));
      }
    }
    return new CallSite(
        unescape(f[1]),
        Integer.parseInt(f[2]),
        noneOr(f[3]),
        caller,
        flags.contains("o"),
        ResultUse.valueOf(f[6]),
        file,
        Integer.parseInt(f[4]),
        flags.contains("t"),
        flags.contains("s"),
        flags.contains("r"),
        f[10].equals(NONE) ? Set.of() : Set.of(f[10].split(",")),
        nulls,
        noneOr(f[12]));
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
