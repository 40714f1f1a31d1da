package io.mapguard.engine.knowledge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * APIs that run their functional arguments right away on the calling thread, so the callback keeps
 * the caller's locks. Checked before {@link ThreadStartApis}, so users can declare an executor that
 * runs inline (e.g. a direct executor) here. Callbacks passed to APIs in neither table are also taken
 * to run inline: reporting them as unlocked would be a guess, and a wrong guess is a false positive.
 */
public final class ImmediateCallbacks {

  private static final List<MethodRef> DEFAULTS =
      List.of(
          new MethodRef("java.util.Map", "forEach"),
          new MethodRef("java.util.Map", "compute"),
          new MethodRef("java.util.Map", "computeIfAbsent"),
          new MethodRef("java.util.Map", "computeIfPresent"),
          new MethodRef("java.util.Map", "merge"),
          new MethodRef("java.util.Map", "replaceAll"),
          new MethodRef("java.lang.Iterable", "forEach"),
          new MethodRef("java.util.Collection", "removeIf"),
          new MethodRef("java.util.List", "sort"),
          new MethodRef("java.util.List", "replaceAll"),
          new MethodRef("java.util.Collections", "sort"),
          new MethodRef("java.util.Iterator", "forEachRemaining"),
          new MethodRef("java.util.Optional", "map"),
          new MethodRef("java.util.Optional", "flatMap"),
          new MethodRef("java.util.Optional", "filter"),
          new MethodRef("java.util.Optional", "ifPresent"),
          new MethodRef("java.util.Optional", "ifPresentOrElse"),
          new MethodRef("java.util.Optional", "orElseGet"),
          new MethodRef("java.util.stream.BaseStream", "*"),
          new MethodRef("com.google.common.util.concurrent.MoreExecutors", "directExecutor"));

  private final List<MethodRef> methods;
  private final ByMethodName<MethodRef> byName;

  private ImmediateCallbacks(List<MethodRef> methods) {
    this.methods = List.copyOf(methods);
    this.byName = new ByMethodName<>(this.methods, ref -> ref);
  }

  public static ImmediateCallbacks defaults() {
    return new ImmediateCallbacks(DEFAULTS);
  }

  public ImmediateCallbacks with(Collection<MethodRef> extra) {
    List<MethodRef> all = new ArrayList<>(methods);
    all.addAll(extra);
    return new ImmediateCallbacks(all);
  }

  /** Entries; a name of {@code *} matches every method of the owner and its subtypes. */
  public List<MethodRef> methods() {
    return methods;
  }

  /** The entries that may match a call of a method named {@code name}: its owner decides. */
  public List<MethodRef> candidates(String name) {
    return byName.candidates(name);
  }
}
