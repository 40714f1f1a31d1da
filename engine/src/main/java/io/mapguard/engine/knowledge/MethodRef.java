package io.mapguard.engine.knowledge;

import java.util.Objects;

/**
 * A method named by its declaring type (matched with subtypes) and name; {@code <init>} for
 * constructors. Written {@code com.acme.Pool#submit} in user options.
 */
public record MethodRef(String owner, String name) {
  /** The name that matches every method of the owner and its subtypes. */
  public static final String ANY_NAME = "*";

  /** Written out, as {@link io.mapguard.engine.model.CodeUnit#equals} says why; the generated hash's value. */
  @Override
  public boolean equals(Object other) {
    return this == other
        || other instanceof MethodRef ref && Objects.equals(owner, ref.owner) && Objects.equals(name, ref.name);
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hashCode(owner) + Objects.hashCode(name);
  }

  public static MethodRef parse(String text) {
    int hash = text.indexOf('#');
    if (hash <= 0 || hash == text.length() - 1) {
      throw new IllegalArgumentException(
          "expected Owner#method (e.g. com.acme.Pool#submit), got '" + text + "'");
    }
    return new MethodRef(text.substring(0, hash).trim(), text.substring(hash + 1).trim());
  }
}
