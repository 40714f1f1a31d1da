package org.apache.jute;

import java.io.IOException;

/** Test stub of ZooKeeper's Jute serialization input. */
public interface InputArchive {
  int readInt(String tag) throws IOException;

  long readLong(String tag) throws IOException;

  String readString(String tag) throws IOException;
}
