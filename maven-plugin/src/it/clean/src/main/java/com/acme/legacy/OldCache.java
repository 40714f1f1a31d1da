package com.acme.legacy;

import java.util.HashMap;
import java.util.Map;

/** Would be reported, but mapvet.properties excludes this package. */
public class OldCache {
  private final Map<String, String> entries = new HashMap<>();

  public void refreshAsync(String key) {
    new Thread(() -> entries.put(key, key.toUpperCase())).start();
  }

  public String get(String key) {
    return entries.get(key);
  }
}
