package com.acme.app;

import com.acme.core.Workers;
import java.util.HashMap;
import java.util.Map;

/** Submits to core's Workers: a thread start only when Workers resolves, from core's jar. */
public class Counter {
  private final Map<String, Integer> counts = new HashMap<>();
  private final Workers workers = new Workers();

  public void record(String key) {
    workers.submit(() -> counts.merge(key, 1, Integer::sum));
  }

  public int count(String key) {
    return counts.getOrDefault(key, 0);
  }
}
