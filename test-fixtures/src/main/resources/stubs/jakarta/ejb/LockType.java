package jakarta.ejb;

/** Test stub of the EJB {@code LockType}. */
public enum LockType {
  READ,
  WRITE
}
