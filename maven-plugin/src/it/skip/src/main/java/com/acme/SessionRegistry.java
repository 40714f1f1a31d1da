package com.acme;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The bundled demo: a registry whose map is locked in most places, but not all. */
public class SessionRegistry {
  private final Object lock = new Object();
  private final Map<String, Long> sessions = new HashMap<>();
  private final Map<String, Integer> hits = new HashMap<>();
  private final ExecutorService cleaner = Executors.newFixedThreadPool(2);

  public void login(String user) {
    synchronized (lock) {
      sessions.put(user, System.currentTimeMillis());
    }
    cleaner.submit(() -> hits.merge(user, 1, Integer::sum));
  }

  public void logout(String user) {
    synchronized (lock) {
      sessions.remove(user);
    }
  }

  public boolean isLoggedIn(String user) {
    return sessions.containsKey(user);
  }

  public Map<String, Long> snapshot() {
    synchronized (lock) {
      return sessions;
    }
  }

  public int hitsOf(String user) {
    return hits.getOrDefault(user, 0);
  }
}
