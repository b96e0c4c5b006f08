// The graphql-http server audit (its checks of the GraphQL-over-HTTP spec) against a running gateway.
//   AUDIT_AUTHORIZATION='Bearer <token>' node audit.mjs http://127.0.0.1:8000/graphql
// prints one JSON array on stdout: {id, name, status (ok | notice | warn | error), reason, response} per audit.
// The token comes by environment, not argument, so that no process listing shows it.
import { auditServer } from 'graphql-http';

const [url] = process.argv.slice(2);
if (!url) {
  console.error('usage: AUDIT_AUTHORIZATION="Bearer <token>" node audit.mjs <graphql url>');
  process.exit(2);
}
const authorization = process.env.AUDIT_AUTHORIZATION;

// Every audit request goes through this fetch: the gateway answers 401 to a request without a token.
function fetchFn(input, init = {}) {
  const headers = new Headers(init.headers);
  if (authorization) headers.set('authorization', authorization);
  return fetch(input, { ...init, headers });
}

// What the gateway answered to an audit that did not pass, for the failure message.
async function answer(response) {
  if (!response) return null;
  let body = null;
  try {
    body = await response.clone().text();
  } catch {
    body = null; // the audit read it already
  }
  return { status: response.status, contentType: response.headers.get('content-type'), body };
}

const results = await auditServer({ url, fetchFn });
const report = await Promise.all(
  results.map(async ({ id, name, status, reason, response }) => ({
    id,
    name,
    status,
    reason: reason ?? null,
    response: status === 'ok' ? null : await answer(response),
  })),
);
process.stdout.write(JSON.stringify(report) + '\n');
