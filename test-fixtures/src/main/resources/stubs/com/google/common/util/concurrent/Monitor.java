package com.google.common.util.concurrent;

import java.util.concurrent.TimeUnit;

public final class Monitor {
  public abstract static class Guard {
    protected Guard(Monitor monitor) {}

    public abstract boolean isSatisfied();
  }

  public void enter() {}

  public boolean enter(long time, TimeUnit unit) {
    return true;
  }

  public void enterInterruptibly() throws InterruptedException {}

  public boolean enterIf(Guard guard) {
    return true;
  }

  public void enterWhen(Guard guard) throws InterruptedException {}

  public boolean tryEnter() {
    return true;
  }

  public void leave() {}
}
