// The hierarchy view beside GraphiQL: the partner tree around a partner the token may see, and Partner 360 for the
// selected node. It reads the headers the editor sends (window.PartnerGraphPlayground, set by index.html) and
// reloads when they change, so it always shows what that token may see.

import { createClient } from "./api.js";
import { ROOT, VIEWER } from "./queries.js";
import { createPanel } from "./panel.js";
import { createRootPicker } from "./roots.js";
import { createTree } from "./tree.js";
import { el, message, replace } from "./dom.js";
import { enumLabel } from "./format.js";

const host = document.getElementById("hierarchy");
const playground = window.PartnerGraphPlayground;
let loads = 0; // every load bumps it; answers of an older load are dropped
let loadedWith = null; // the headers text the view shows

/** The editor's headers as an object, or a message saying why there is no token to use. */
function editorHeaders(text) {
  let headers = {};
  if (text && text.trim()) {
    try {
      headers = JSON.parse(text);
    } catch (err) {
      return { problem: "The headers in the editor's Headers tab are not valid JSON." };
    }
    if (!headers || typeof headers !== "object" || Array.isArray(headers)) {
      return { problem: "The headers in the editor's Headers tab are not a JSON object." };
    }
  }
  if (!Object.keys(headers).some((name) => name.toLowerCase() === "authorization")) {
    return { problem: 'No token: put {"Authorization": "Bearer <token>"} in the editor\'s Headers tab' +
      (playground.demo ? " or pick a persona." : ".") };
  }
  return { headers };
}

function setState(state) {
  host.setAttribute("data-state", state);
}

function ancestorsPath(ancestors, reroot) {
  if (!ancestors.length) return null;
  return el("nav", { class: "ancestors", "aria-label": "Above the root" }, ancestors.flatMap((ancestor) => [
    ancestor.id
      ? el("button", { type: "button", class: "ancestor", onClick: () => reroot(ancestor.id) }, ancestor.name)
      : el("span", { class: "ancestor", title: "seen by name only" }, ancestor.name),
    el("span", { class: "separator", "aria-hidden": "true" }, " \u203a "),
  ]));
}

async function load(headersText) {
  const generation = ++loads;
  const alive = () => generation === loads;
  const { headers, problem } = editorHeaders(headersText);
  if (problem) {
    setState("error");
    replace(host, message(problem, "error"));
    return;
  }
  const client = createClient(headers);
  const who = el("p", { id: "hierarchy-who" }, "Loading\u2026");
  const path = el("div", { class: "path" });
  const panel = createPanel({ client, alive });
  const tree = createTree({ client, alive, onSelect: (partner) => panel.show(partner) });
  const treePane = el("div", { class: "tree-pane" }, tree.element);
  const header = el("header", { class: "view-header" }, who);
  replace(host, el("div", { class: "hierarchy-view" }, [
    header,
    el("div", { class: "view-main" }, [el("div", { class: "tree-column" }, [path, treePane]), panel.element]),
  ]));
  setState("loading");

  function showRoot(partner) {
    replace(path, ancestorsPath(partner.ancestors, reroot));
    tree.setRoot(partner);
    setState("ready");
  }

  let picker = null;
  async function reroot(id) {
    setState("loading");
    try {
      const data = await client.request(ROOT, { id });
      if (!alive()) return;
      if (!data.partner) throw new Error("NOT_FOUND: the partner is not visible to this token.");
      if (picker) picker.mark(id);
      showRoot(data.partner);
    } catch (err) {
      if (!alive()) return;
      setState("error");
      replace(treePane, message(`Could not load the partner: ${err.message}`, "error"));
    }
  }

  try {
    const { viewer } = await client.request(VIEWER, {});
    if (!alive()) return;
    const org = viewer.organization;
    replace(who, [
      "Viewing as ", el("strong", null, viewer.person ? viewer.person.name : "unknown person"),
      ` (${enumLabel(viewer.persona)})`, org ? ` of ${org.name}` : "",
    ]);
    if (org && org.__typename === "Partner") {
      showRoot(org); // partner staff: their own organization, and only the names above it
    } else {
      picker = createRootPicker({ client, alive, onChoose: reroot });
      header.append(picker.element);
      await picker.search();
    }
  } catch (err) {
    if (!alive()) return;
    setState("error");
    replace(host, message(`Could not load the hierarchy: ${err.message}`, "error")); // nothing else to show
  }
}

function refresh() {
  if (host.hidden) return;
  if (playground.signingIn()) {
    loadedWith = null; // whatever the headers are once signed in (or not), load them
    setState("loading");
    replace(host, message("Signing in\u2026"));
    return; // the new headers arrive with a partnergraph:headers event
  }
  const text = playground.headers();
  if (text === loadedWith) return;
  loadedWith = text;
  load(text);
}

document.addEventListener("partnergraph:headers", refresh);
document.addEventListener("partnergraph:hierarchy-shown", refresh);
refresh();
