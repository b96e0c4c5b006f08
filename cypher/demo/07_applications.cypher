// Partner applications (docs/APPLICATIONS.md): the Reseller Program's application questions, two applications
// waiting for a review (the second flagged: Contoso's name and country, and the e-mail of Contoso's admin), one
// approved (Blue Yonder, the partner it became) and one rejected.
MATCH (prog:Program {id: 'prog-reseller'})
UNWIND [
  {key: 'revenue', text: 'What was your revenue last year (USD)?', required: true, position: 0},
  {key: 'certifications', text: 'Which vendor certifications do your staff hold?', required: false, position: 1},
  {key: 'regions', text: 'Which regions do you sell in?', required: true, position: 2}
] AS q
CREATE (prog)-[:ASKS]->(:ApplicationQuestion {key: q.key, text: q.text, required: q.required, position: q.position});

UNWIND [
  {id: 'app-demo-northwave', status: 'SUBMITTED', company: 'Northwave Cloud Ltd', country: 'GB', type: 'RESELLER',
   adminName: 'Nora North', adminEmail: 'nora@northwave.example', submittedAt: '2025-03-02T10:15:00Z',
   answers: [['revenue', '2.4M'], ['regions', 'UK and Ireland']], decidedAt: null, decidedBy: null, reason: null,
   partner: null},
  {id: 'app-demo-contoso', status: 'SUBMITTED', company: 'contoso resellers', country: 'US', type: 'RESELLER',
   adminName: 'Carla Contoso', adminEmail: 'carla@contoso.example', submittedAt: '2025-03-04T08:40:00Z',
   answers: [['revenue', '800k'], ['regions', 'US West']], decidedAt: null, decidedBy: null, reason: null,
   partner: null},
  {id: 'app-demo-blueyonder', status: 'APPROVED', company: 'Blue Yonder Consulting', country: 'GB',
   type: 'SYSTEM_INTEGRATOR', adminName: 'Blue Yonder Consulting admin', adminEmail: 'admin@blueyonder.example',
   submittedAt: '2024-12-01T09:00:00Z', answers: [['revenue', '1.1M'], ['certifications', 'Azure, AWS'],
   ['regions', 'UK']], decidedAt: '2024-12-10T09:00:00Z', decidedBy: 'demo-enterprise-admin', reason: null,
   partner: 'p-blueyonder'},
  {id: 'app-demo-quickbuck', status: 'REJECTED', company: 'Quick Buck Trading', country: 'US', type: 'RESELLER',
   adminName: 'Quinn Buck', adminEmail: 'quinn@quickbuck.example', submittedAt: '2025-01-20T14:00:00Z',
   answers: [['revenue', 'n/a'], ['regions', 'everywhere']], decidedAt: '2025-01-22T09:00:00Z',
   decidedBy: 'demo-enterprise-admin', reason: 'No sales track record, no regional focus.', partner: null}
] AS row
MATCH (prog:Program {id: 'prog-reseller'})
CREATE (a:PartnerApplication {id: row.id, status: row.status, company: row.company, companyKey: toLower(row.company),
                              country: row.country, type: row.type, adminName: row.adminName,
                              adminEmail: row.adminEmail, answerKeys: [x IN row.answers | x[0]],
                              answerTexts: [x IN row.answers | x[1]], submittedAt: datetime(row.submittedAt),
                              decidedAt: datetime(row.decidedAt), decidedBy: row.decidedBy,
                              decisionReason: row.reason})-[:TO]->(prog)
WITH a, row WHERE row.partner IS NOT NULL
MATCH (p:Partner {id: row.partner})
CREATE (a)-[:BECAME]->(p);
