package com.google.common.cache;

import java.util.concurrent.ConcurrentMap;

/** Stub of Guava's Cache: only what the fixtures call. */
public interface Cache<K, V> {
  ConcurrentMap<K, V> asMap();
}
