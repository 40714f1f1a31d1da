package jakarta.ejb;

/** Test stub of the EJB {@code ConcurrencyManagementType}. */
public enum ConcurrencyManagementType {
  CONTAINER,
  BEAN
}
