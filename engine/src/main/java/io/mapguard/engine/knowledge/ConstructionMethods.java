package io.mapguard.engine.knowledge;

import java.util.Map;

/**
 * Methods other than constructors that run while the object is being built, before any other thread
 * can see it: Java serialization's {@code readObject(ObjectInputStream)} and {@code readObjectNoData()}
 * fill a new instance before {@code ObjectInputStream.readObject} returns it. Front ends give them
 * the constructor's role.
 */
public final class ConstructionMethods {
  /** Method name to the simple name of its single parameter type, or "" for none. */
  private static final Map<String, String> METHODS =
      Map.of("readObject", "ObjectInputStream", "readObjectNoData", "");

  private ConstructionMethods() {}

  /** Whether a method of this name may be one of them: the parameter types are asked only then. */
  public static boolean hasName(String name) {
    return METHODS.containsKey(name);
  }

  /**
   * Whether a private instance method with this name and parameter types (simple or qualified
   * names) is one of them.
   */
  public static boolean isConstruction(String name, java.util.List<String> parameterTypes) {
    String parameter = METHODS.get(name);
    if (parameter == null) {
      return false;
    }
    if (parameter.isEmpty()) {
      return parameterTypes.isEmpty();
    }
    return parameterTypes.size() == 1
        && (parameterTypes.get(0).equals(parameter) || parameterTypes.get(0).endsWith("." + parameter));
  }
}
