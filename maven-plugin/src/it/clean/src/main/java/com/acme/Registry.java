package com.acme;

import java.util.HashMap;
import java.util.Map;

/** Locked everywhere but one read, which a directive accepts with its reason. */
public class Registry {
  private final Object lock = new Object();
  private final Map<String, Long> sessions = new HashMap<>();

  public void login(String user) {
    synchronized (lock) {
      sessions.put(user, System.currentTimeMillis());
    }
  }

  public void logout(String user) {
    synchronized (lock) {
      sessions.remove(user);
    }
  }

  public boolean isLoggedIn(String user) {
    // mapvet:ignore InconsistentMapLocking -- a stale answer is fine for this status check
    return sessions.containsKey(user);
  }
}
