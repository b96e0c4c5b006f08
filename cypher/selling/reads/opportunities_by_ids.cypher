// Visible opportunities by id (visible through their registration).
UNWIND $ids AS opportunityId
MATCH (p:Partner)<-[:REGISTERED_BY]-(dr:DealRegistration)-[:CONVERTED_TO]->(o:Opportunity {id: opportunityId})
WHERE {{deal_visible(dr)}}
RETURN {{opportunity_record(o)}} AS opportunity
