// The opportunity of each visible registration, when converted.
UNWIND $ids AS registrationId
MATCH (p:Partner)<-[:REGISTERED_BY]-(dr:DealRegistration {id: registrationId})-[:CONVERTED_TO]->(o:Opportunity)
WHERE {{deal_visible(dr)}}
RETURN registrationId, {{opportunity_record(o)}} AS opportunity
