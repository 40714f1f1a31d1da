package io.mapguard.engine.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * A finding's fingerprint (stable across unrelated edits: no line numbers in it): the first 80 bits
 * of the SHA-256 of its parts, in hex, with {@code -n} for the n-th finding of the same parts in a
 * file. Made when first asked for: a compile that only prints its findings (no report file, no
 * summaries, no baseline) never loads the security providers, some 90 classes and tens of
 * milliseconds in a compiler's JVM.
 */
public final class Fingerprint {
  private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

  /** The parts joined ({@link #key}), or null when the value was given. */
  private final String key;
  private final int occurrence;
  private volatile String value;

  private Fingerprint(String key, int occurrence, String value) {
    this.key = key;
    this.occurrence = occurrence;
    this.value = value;
  }

  /**
   * The key occurrences are counted by: the parts as the digest reads them (each followed by a 0
   * byte, so that no two lists of parts have the same key).
   */
  public static String key(String... parts) {
    StringBuilder key = new StringBuilder();
    for (String part : parts) {
      key.append(part).append('\0');
    }
    return key.toString();
  }

  /** The {@code occurrence}-th (from 1) fingerprint of the parts {@link #key} joined. */
  public static Fingerprint of(String key, int occurrence) {
    return new Fingerprint(key, occurrence, null);
  }

  /** A fingerprint made before (read from a summary), or a test's. */
  public static Fingerprint known(String value) {
    return new Fingerprint(null, 0, Objects.requireNonNull(value));
  }

  public String value() {
    String made = value;
    if (made == null) {
      made = digest(key) + (occurrence == 1 ? "" : "-" + occurrence);
      value = made;
    }
    return made;
  }

  private static String digest(String key) {
    byte[] bytes = newDigest().digest(key.getBytes(StandardCharsets.UTF_8));
    char[] hex = new char[20];
    for (int i = 0; i < 10; i++) {
      hex[2 * i] = HEX_DIGITS[(bytes[i] >> 4) & 0xf];
      hex[2 * i + 1] = HEX_DIGITS[bytes[i] & 0xf];
    }
    return new String(hex);
  }

  /**
   * A SHA-256 digest, copied from one made once: looking the algorithm up among the security
   * providers costs more than the digest of a finding's few short parts.
   */
  private static MessageDigest newDigest() {
    try {
      return (MessageDigest) Sha256.PROTOTYPE.clone();
    } catch (CloneNotSupportedException e) {
      try {
        return MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException missing) {
        throw new IllegalStateException("SHA-256 is required by every JDK", missing);
      }
    }
  }

  /** Made at the first fingerprint asked for. */
  private static final class Sha256 {
    static final MessageDigest PROTOTYPE;

    static {
      try {
        PROTOTYPE = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is required by every JDK", e);
      }
    }
  }

  /** Equal when their values are (two made from parts compare their keys, without a digest). */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Fingerprint)) {
      return false;
    }
    Fingerprint other = (Fingerprint) o;
    return key != null && other.key != null
        ? key.equals(other.key) && occurrence == other.occurrence
        : value().equals(other.value());
  }

  @Override
  public int hashCode() {
    return value().hashCode();
  }

  @Override
  public String toString() {
    return value();
  }
}
