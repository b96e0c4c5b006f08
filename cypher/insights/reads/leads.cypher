// Partner 360, leads section (counted partners as in pipeline.cypher), over the routing offers made to the
// counted partners themselves ((:LeadOffer)-[:TO]->(p)), so a partner's figures include leads it later rejected,
// let time out or handed down; nothing is read past the offer's lead (not where a lead went next, nor another
// partner's offer). Of lead_visible only the persona's part is left per lead (lead_record_visible: a partner
// agent counts none, an associate only leads assigned to them now): the offer's partner is in scope already.
// received: offers made in [$start, $end) (`at`); accepted, rejected, timedOut, handedOff: offers that ended so in
// the period (`closedAt`); the median hours from offer to acceptance of those accepted in the period
// (percentileCont), and how many of their leads are CONVERTED now.
UNWIND $partnerIds AS partnerId
MATCH (root:Partner {id: partnerId})
WHERE {{partner_visible(root)}}
CALL (root) {
  RETURN root AS p
  UNION
  MATCH (root)-[:PARENT_OF*1..]->(p:Partner)
  WHERE $subtree AND {{partner_visible(p)}}
  RETURN p
}
WITH partnerId, collect(p) AS partners
CALL (partners) {
  UNWIND partners AS p
  MATCH (p)<-[:TO]-(o:LeadOffer)<-[:OFFERED]-(l:Lead)
  WHERE ((o.at >= $start AND o.at < $end) OR (o.closedAt >= $start AND o.closedAt < $end))
    AND {{lead_record_visible(l)}}
  WITH o, l, o.closedAt >= $start AND o.closedAt < $end AS closedInPeriod
  WITH o, l, closedInPeriod, closedInPeriod AND o.outcome = 'ACCEPTED' AS acceptedInPeriod
  RETURN count(CASE WHEN o.at >= $start AND o.at < $end THEN 1 END) AS received,
         count(CASE WHEN acceptedInPeriod THEN 1 END) AS accepted,
         count(CASE WHEN closedInPeriod AND o.outcome = 'REJECTED' THEN 1 END) AS rejected,
         count(CASE WHEN closedInPeriod AND o.outcome = 'TIMED_OUT' THEN 1 END) AS timedOut,
         count(CASE WHEN closedInPeriod AND o.outcome = 'HANDED_OFF' THEN 1 END) AS handedOff,
         percentileCont(CASE WHEN acceptedInPeriod THEN duration.inSeconds(o.at, o.closedAt).seconds / 3600.0 END,
                        0.5) AS medianHoursToAccept,
         count(CASE WHEN acceptedInPeriod AND l.status = 'CONVERTED' THEN 1 END) AS converted
}
RETURN partnerId, size(partners) AS partnerCount, received, accepted, rejected, timedOut, handedOff,
       medianHoursToAccept, converted
