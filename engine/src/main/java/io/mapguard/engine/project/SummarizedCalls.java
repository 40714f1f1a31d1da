package io.mapguard.engine.project;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * The calls of the project when part of it is known only from summaries: those the front end finds
 * in the sources it reads now, and those of the summarized classes it does not read (their {@link
 * CallSite}s, as {@link CallSummaries} wrote them). A partial recompilation (Maven's, Gradle's) or
 * one shard of a scan thus keeps the evidence of the classes it does not compile.
 */
public final class SummarizedCalls implements ProjectCalls {
  private final ProjectCalls current;
  private final Supplier<List<CallSummaries.ClassCalls>> summaries;
  private final BiPredicate<String, String> isSubtype;
  /** The summarized sites by the name they call; null until the first question. */
  private Map<String, List<CallSite>> byName;
  /** The summarized uses of inherited fields in tasks, by field; filled with {@link #byName}. */
  private Map<String, List<FieldUse>> usesByField;

  /**
   * @param current the calls of the sources read now
   * @param summaries the summaries of the classes not read now (a class the front end reads must
   *     not be among them), loaded at the first question
   * @param isSubtype whether the type named first is the second or a subtype of it (qualified names)
   */
  public SummarizedCalls(
      ProjectCalls current,
      Supplier<List<CallSummaries.ClassCalls>> summaries,
      BiPredicate<String, String> isSubtype) {
    this.current = current;
    this.summaries = summaries;
    this.isSubtype = isSubtype;
  }

  @Override
  public List<ProjectCall> callsOf(ProjectMethod method) {
    return withSummarized(current.callsOf(method), method, -1);
  }

  @Override
  public List<ProjectCall> callsPassingNull(ProjectMethod method, int parameter) {
    return withSummarized(current.callsPassingNull(method, parameter), method, parameter);
  }

  @Override
  public int filesToRead(ProjectMethod method) {
    return current.filesToRead(method);
  }

  /** The current files' calls that tasks may make through fields, and every summarized call. */
  @Override
  public List<ProjectCall> callsThroughFieldsInTasks(ProjectMethod method) {
    return withSummarized(current.callsThroughFieldsInTasks(method), method, -1);
  }

  @Override
  public int filesToReadThroughFieldsInTasks(ProjectMethod method) {
    return current.filesToReadThroughFieldsInTasks(method);
  }

  /** The current files' uses and the summarized ones. */
  @Override
  public List<FieldUse> inheritedFieldUsesInTasks(String field) {
    List<FieldUse> found = current.inheritedFieldUsesInTasks(field);
    if (found == null) {
      return null;
    }
    List<FieldUse> summarized = summarized().usesByField.getOrDefault(field, List.of());
    if (summarized.isEmpty()) {
      return found;
    }
    List<FieldUse> all = new ArrayList<>(found);
    all.addAll(summarized);
    return all;
  }

  /** {@code found} and the summarized calls of {@code method} (those passing null at {@code parameter} when ≥ 0). */
  private List<ProjectCall> withSummarized(List<ProjectCall> found, ProjectMethod method, int parameter) {
    if (found == null) {
      return null;
    }
    List<CallSite> sites = sitesNamed(method.name());
    if (sites.isEmpty()) {
      return found;
    }
    List<ProjectCall> all = new ArrayList<>(found);
    for (CallSite site : sites) {
      ProjectCall call = site.asCallOf(method, type -> isSubtype.test(site.calleeOwner(), type));
      if (call != null && (parameter < 0 || call.nullArguments().contains(parameter))) {
        all.add(call);
      }
    }
    return all;
  }

  private List<CallSite> sitesNamed(String name) {
    return summarized().byName.getOrDefault(name, List.of());
  }

  /** This, with the summaries loaded and indexed ({@link #byName}, {@link #usesByField}). */
  private synchronized SummarizedCalls summarized() {
    if (byName == null) {
      byName = new HashMap<>();
      usesByField = new HashMap<>();
      for (CallSummaries.ClassCalls calls : summaries.get()) {
        for (CallSite site : calls.sites()) {
          byName.computeIfAbsent(site.name(), k -> new ArrayList<>()).add(site);
        }
        for (FieldUse use : calls.fieldUses()) {
          usesByField.computeIfAbsent(use.field(), k -> new ArrayList<>()).add(use);
        }
      }
    }
    return this;
  }
}
