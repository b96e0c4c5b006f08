// Case queues by id (queue names are not scoped).
UNWIND $ids AS queueId
MATCH (q:Queue {id: queueId})
RETURN q {.id, .name, isDefault: coalesce(q.isDefault, false)} AS queue
