// The hierarchy as an expandable tree. A node's children are fetched when it is first expanded, one query per
// expansion, a page at a time ("Show more" fetches the next page).

import { CHILDREN } from "./queries.js";
import { el, message, replace } from "./dom.js";
import { enumLabel } from "./format.js";

/** "Reseller Program · Gold" per partnership that is not terminated; "(pending)" etc. when not active. */
export function segmentText(partner) {
  const parts = partner.partnerships.edges
    .map((edge) => edge.node)
    .filter((ps) => ps.status !== "TERMINATED" && ps.program && ps.segment)
    .map((ps) => `${ps.program.name} \u00b7 ${ps.segment.name}` +
      (ps.status === "ACTIVE" ? "" : ` (${ps.status.toLowerCase()})`));
  return parts.length ? parts.join(", ") : "No segment";
}

/**
 * client: the api.js client; onSelect(partner): a node was chosen; alive(): false once a newer load replaced
 * this tree (its late answers are dropped).
 */
export function createTree({ client, onSelect, alive }) {
  const element = el("ul", { class: "tree", role: "tree", "aria-label": "Partner hierarchy" });
  let selected = null;

  function select(item, partner) {
    if (selected) selected.setAttribute("aria-selected", "false");
    selected = item;
    item.setAttribute("aria-selected", "true");
    onSelect(partner);
  }

  function nodeItem(partner, level) {
    const hasChildren = partner.firstChild.edges.length > 0;
    const group = el("ul", { class: "children", role: "group", hidden: true });
    const toggle = el("button", {
      type: "button",
      class: "toggle",
      "aria-label": `${hasChildren ? "Expand" : "No partners below"} ${partner.name}`,
      disabled: !hasChildren,
    }, hasChildren ? "\u25b8" : "\u00b7");
    const item = el("li", {
      class: "node",
      role: "treeitem",
      "aria-level": level,
      "aria-selected": "false",
      "aria-expanded": hasChildren ? "false" : null,
      "data-key": partner.key,
    }, [
      el("div", { class: "node-row" }, [
        toggle,
        el("button", { type: "button", class: "node-name", onClick: () => select(item, partner) }, partner.name),
        el("span", { class: "badge node-type", "data-value": partner.type }, enumLabel(partner.type)),
        el("span", { class: `badge node-status status-${partner.status.toLowerCase()}`, "data-value": partner.status },
          enumLabel(partner.status)),
        el("span", { class: "node-segment" }, segmentText(partner)),
      ]),
      group,
    ]);

    let loaded = false;
    toggle.addEventListener("click", () => {
      const open = item.getAttribute("aria-expanded") === "true";
      item.setAttribute("aria-expanded", open ? "false" : "true");
      toggle.textContent = open ? "\u25b8" : "\u25be";
      toggle.setAttribute("aria-label", `${open ? "Expand" : "Collapse"} ${partner.name}`);
      group.hidden = open;
      if (!open && !loaded) {
        loaded = true;
        loadChildren(partner, group, level + 1, null, () => { loaded = false; });
      }
    });
    return item;
  }

  async function loadChildren(partner, group, level, after, onFailure) {
    group.querySelectorAll(":scope > li.failed").forEach((failed) => failed.remove());
    const pending = el("li", { class: "loading", role: "none" }, "Loading\u2026");
    group.append(pending);
    group.setAttribute("aria-busy", "true");
    try {
      const data = await client.request(CHILDREN, { id: partner.id, after });
      if (!alive()) return;
      pending.remove();
      if (!data.partner) {
        const text = `${partner.name} is no longer visible to this token.`;
        group.append(el("li", { class: "failed", role: "none" }, message(text, "error")));
        return;
      }
      const page = data.partner.children;
      page.edges.forEach((edge) => group.append(nodeItem(edge.node, level)));
      if (page.pageInfo.hasNextPage) {
        const more = el("button", { type: "button", class: "more" }, "Show more");
        const moreItem = el("li", { class: "more-item", role: "none" }, more);
        more.addEventListener("click", () => {
          moreItem.remove();
          loadChildren(partner, group, level, page.pageInfo.endCursor, () => group.append(moreItem));
        });
        group.append(moreItem);
      }
    } catch (err) {
      if (!alive()) return;
      pending.remove();
      onFailure();
      const text = `Could not load the partners below ${partner.name}: ${err.message}`;
      group.append(el("li", { class: "failed", role: "none" }, message(text, "error")));
    } finally {
      group.removeAttribute("aria-busy");
    }
  }

  function setRoot(partner) {
    selected = null;
    replace(element, nodeItem(partner, 1)); // nothing selected: Partner 360 is asked for a partner chosen
  }

  return { element, setRoot };
}
