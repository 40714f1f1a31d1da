package io.mapguard.engine.project;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A method declared in the project (the compilation, or the tree mapvet scans), named the way calls
 * to it are matched across classes.
 *
 * @param ownerTypes the qualified name of the class declaring it, then that class's supertypes: a
 *     call is made on one of these when dispatch may reach this method's body
 * @param name its simple name
 * @param arity its number of parameters (overloads of one arity are not told apart: a call to either
 *     counts as a call to both, which only ever keeps a finding)
 */
public record ProjectMethod(List<String> ownerTypes, String name, int arity) {
  public ProjectMethod {
    ownerTypes = List.copyOf(ownerTypes);
    if (ownerTypes.isEmpty()) {
      throw new IllegalArgumentException("a project method needs the class that declares it");
    }
  }

  /** Written out, as {@link io.mapguard.engine.model.CodeUnit#equals} says why; the generated hash's value. */
  @Override
  public boolean equals(Object other) {
    return this == other
        || other instanceof ProjectMethod method
            && arity == method.arity
            && Objects.equals(name, method.name)
            && ownerTypes.equals(method.ownerTypes);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * ownerTypes.hashCode() + Objects.hashCode(name)) + arity;
  }

  /** The qualified name of the class that declares it. */
  public String owner() {
    return ownerTypes.get(0);
  }

  /** A constructor: javac names it {@code <init>}, JavaParser after its class. */
  public boolean isConstructor() {
    String owner = owner();
    return name.equals("<init>") || name.equals(owner.substring(owner.lastIndexOf('.') + 1));
  }

  /**
   * This method as it runs on an object of {@code callee}'s class, when it calls {@code callee} on
   * its own object: a template method of a superclass calling a hook the subclass overrides. The
   * object is of both classes, so a call on any type of either may run it: the types of {@code
   * callee} are added to its own (the declaring class stays first). Itself when they add nothing.
   */
  public ProjectMethod onObjectOf(ProjectMethod callee) {
    if (ownerTypes.containsAll(callee.ownerTypes)) {
      return this;
    }
    Set<String> types = new LinkedHashSet<>(ownerTypes);
    types.addAll(callee.ownerTypes);
    return new ProjectMethod(List.copyOf(types), name, arity);
  }

  /** How messages name it: {@code ZKWatchManager.getDataWatches}. */
  public String display() {
    String owner = owner();
    return owner.substring(owner.lastIndexOf('.') + 1) + "." + name;
  }
}
