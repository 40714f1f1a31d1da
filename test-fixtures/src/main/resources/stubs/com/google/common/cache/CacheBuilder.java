package com.google.common.cache;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Stub of Guava's CacheBuilder: only what the fixtures call. */
public final class CacheBuilder<K, V> {
  public static CacheBuilder<Object, Object> newBuilder() {
    return new CacheBuilder<>();
  }

  public CacheBuilder<K, V> maximumSize(long size) {
    return this;
  }

  public <K1 extends K, V1 extends V> Cache<K1, V1> build() {
    ConcurrentMap<K1, V1> map = new ConcurrentHashMap<>();
    return () -> map;
  }
}
