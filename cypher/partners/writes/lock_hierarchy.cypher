// Hierarchy changes take one shared lock, so two concurrent moves cannot form a cycle between them.
MERGE (lock:HierarchyLock {id: 'channel'})
{{...write_lock(lock)}}
SET lock.version = coalesce(lock.version, 0) + 1
RETURN lock.version AS version
