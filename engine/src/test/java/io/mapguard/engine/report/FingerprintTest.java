package io.mapguard.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** Fingerprints are what baselines and SARIF reports keep: their values must never change. */
class FingerprintTest {
  @Test
  void theValueIsTheFirst80BitsOfTheSha256OfThePartsEachEndedByAZeroByte() {
    // python3 -c "import hashlib; print(hashlib.sha256(b'InconsistentMapLocking\x00A.java\x00null\x00').hexdigest()[:20])"
    String key = Fingerprint.key("InconsistentMapLocking", "A.java", null);
    assertEquals("dd77f1fef513a2ba44e8", Fingerprint.of(key, 1).value());
    assertEquals("dd77f1fef513a2ba44e8-3", Fingerprint.of(key, 3).value());
  }

  @Test
  void equalWhenTheValuesAreHoweverMade() {
    String key = Fingerprint.key("a", "b");
    assertEquals(Fingerprint.of(key, 1), Fingerprint.known(Fingerprint.of(key, 1).value()));
    assertEquals(Fingerprint.of(key, 1).hashCode(), Fingerprint.known(Fingerprint.of(key, 1).value()).hashCode());
    assertNotEquals(Fingerprint.of(key, 1), Fingerprint.of(key, 2));
    assertNotEquals(Fingerprint.of(Fingerprint.key("ab"), 1), Fingerprint.of(Fingerprint.key("a", "b"), 1));
  }
}
