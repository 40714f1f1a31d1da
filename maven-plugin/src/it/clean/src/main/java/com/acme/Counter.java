package com.acme;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Counts hits on worker threads: a ConcurrentHashMap and merge, nothing to report. */
public class Counter {
  private final Map<String, Integer> hits = new ConcurrentHashMap<>();
  private final ExecutorService workers = Executors.newFixedThreadPool(2);

  public void hit(String key) {
    workers.submit(() -> hits.merge(key, 1, Integer::sum));
  }

  public int hitsOf(String key) {
    return hits.getOrDefault(key, 0);
  }
}
