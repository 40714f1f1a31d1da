package io.mapguard.lint.ignore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Fingerprints in the engine's format: the first 10 bytes of a SHA-256 over the parts, in hex. */
public final class Fingerprints {
  private static final int BYTES = 10;

  private Fingerprints() {}

  public static String of(String... parts) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
    for (String part : parts) {
      digest.update(part.getBytes(StandardCharsets.UTF_8));
      // A separator keeps ("ab", "c") and ("a", "bc") apart.
      digest.update((byte) 0);
    }
    byte[] hash = digest.digest();
    StringBuilder hex = new StringBuilder(2 * BYTES);
    for (int i = 0; i < BYTES; i++) {
      hex.append(Character.forDigit((hash[i] >> 4) & 0xF, 16))
          .append(Character.forDigit(hash[i] & 0xF, 16));
    }
    return hex.toString();
  }
}
