package io.mapguard.javac;

import com.sun.source.util.TreePath;
import io.mapguard.engine.model.LockRef;
import java.util.Set;

/** The locks held just before a tree of one body (a method or lambda), beyond its entry locks. */
interface HeldLocks {
  Set<LockRef> heldAt(TreePath path);
}
