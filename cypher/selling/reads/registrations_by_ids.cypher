// Visible deal registrations by id.
UNWIND $ids AS registrationId
MATCH (dr:DealRegistration {id: registrationId})
WHERE {{deal_visible(dr)}}
RETURN {{registration_record(dr)}} AS registration
