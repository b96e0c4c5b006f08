// POST /graphql with exactly the headers the editor sends (its Authorization above all), so the view shows what
// that token may see. Every failure becomes a GraphQLProblem with a message a person can read.

const GRAPHQL_URL = "/graphql";

export class GraphQLProblem extends Error {
  constructor(message, code) {
    super(message);
    this.code = code || null;
  }
}

function describeErrors(errors) {
  return errors
    .map((error) => {
      const code = error && error.extensions && error.extensions.code;
      const text = (error && error.message) || "unknown error";
      return code ? `${code}: ${text}` : text;
    })
    .join("; ");
}

/** A client for one set of editor headers (an object of header name -> value). */
export function createClient(editorHeaders) {
  async function request(query, variables) {
    const headers = Object.assign({}, editorHeaders, {
      "Content-Type": "application/json",
      Accept: "application/graphql-response+json, application/json",
    });
    let response;
    try {
      response = await fetch(GRAPHQL_URL, {
        method: "POST",
        headers,
        body: JSON.stringify({ query, variables }),
        credentials: "same-origin",
      });
    } catch (err) {
      throw new GraphQLProblem(`Could not reach the gateway: ${err.message}`, "NETWORK");
    }
    const text = await response.text();
    let body;
    try {
      body = JSON.parse(text);
    } catch (err) {
      throw new GraphQLProblem(`HTTP ${response.status} ${response.statusText}: ${text.slice(0, 300)}`, "HTTP");
    }
    const errors = Array.isArray(body.errors) ? body.errors : [];
    if (errors.length) {
      const code = errors[0].extensions && errors[0].extensions.code;
      const prefix = response.status === 401 ? "The gateway refused the token (HTTP 401). " : "";
      throw new GraphQLProblem(prefix + describeErrors(errors), code);
    }
    if (!response.ok || !body.data) {
      throw new GraphQLProblem(`HTTP ${response.status} ${response.statusText}`, "HTTP");
    }
    return body.data;
  }
  return { request };
}
