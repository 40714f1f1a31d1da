package com.acme.core;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** A pool of worker threads; app's code submits to it. */
public class Workers extends ThreadPoolExecutor {
  public Workers() {
    super(2, 2, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
  }

  /** MapCapacityHint (on through the shared mapvet.properties): keys.size() is no capacity. */
  public static Map<String, Integer> indexOf(List<String> keys) {
    Map<String, Integer> index = new HashMap<>(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      index.put(keys.get(i), i);
    }
    return index;
  }
}
