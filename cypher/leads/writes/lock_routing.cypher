// Take the routing lock (the one LeadRouting node, by a version bump) before reading any partner's open leads:
// routing transactions run one at a time, so two of them cannot both fill a partner's last free place.
MATCH (n:LeadRouting {id: 'leads'})
{{...write_lock(n)}}
SET n.version = n.version + 1
RETURN n.offers AS offers
