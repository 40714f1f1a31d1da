package com.google.common.collect;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Stub of Guava's MapMaker: only what the fixtures call. */
public final class MapMaker {
  public MapMaker weakKeys() {
    return this;
  }

  public MapMaker weakValues() {
    return this;
  }

  public MapMaker concurrencyLevel(int level) {
    return this;
  }

  public <K, V> ConcurrentMap<K, V> makeMap() {
    return new ConcurrentHashMap<>();
  }
}
