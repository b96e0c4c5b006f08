// needs: none
// Takes node {var}'s write lock before anything of it is read. Inserted bare, as a clause, before the lock
// statement's own SET: `SET n.version = coalesce(n.version, 0) + 1` alone reads the property under a shared lock
// first, and two transactions upgrading their shared locks on one node deadlock (Neo4j's DeadlockDetected, which
// a client would get as SERVICE_UNAVAILABLE). Setting and removing a property reads nothing, so the exclusive lock
// comes first and concurrent writers queue behind it.
SET {var}._lock = true REMOVE {var}._lock
