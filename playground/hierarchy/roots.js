// Where an enterprise viewer's tree starts: a name search over the partners the token may see and a choice among
// the first page of matches. Partner staff get no picker: their tree starts at their own organization.

import { ROOT_CHOICES } from "./queries.js";
import { el, message, replace } from "./dom.js";
import { enumLabel } from "./format.js";

/** onChoose(id): a root was chosen; alive(): false once a newer load replaced this picker. */
export function createRootPicker({ client, alive, onChoose }) {
  const input = el("input", {
    type: "search", id: "hierarchy-search", name: "name", placeholder: "Partner name contains\u2026",
    "aria-label": "Search partners by name",
  });
  const select = el("select", { id: "hierarchy-root", "aria-label": "Root partner" });
  const note = el("span", { class: "picker-note", role: "status" });
  const form = el("form", { class: "root-picker", role: "search" }, [
    el("label", { for: "hierarchy-search" }, "Root"),
    input,
    el("button", { type: "submit" }, "Search"),
    select,
    note,
  ]);

  async function search() {
    const name = input.value.trim();
    replace(note, "Searching\u2026");
    try {
      const data = await client.request(ROOT_CHOICES, { name: name || null });
      if (!alive()) return;
      const partners = data.partners.edges.map((edge) => edge.node);
      replace(select, partners.map((p) =>
        el("option", { value: p.id }, `${p.name} (${enumLabel(p.type)}, level ${p.depth})`)));
      if (!partners.length) {
        select.append(el("option", { value: "", disabled: true }, "No partner matches"));
        replace(note, "");
        return;
      }
      replace(note, data.partners.pageInfo.hasNextPage ? `first ${partners.length} shown, narrow the search` : "");
      // A top of the hierarchy makes the most telling tree; otherwise the first match.
      const first = partners.find((p) => p.depth === 0) || partners[0];
      select.value = first.id;
      onChoose(first.id);
    } catch (err) {
      if (!alive()) return;
      replace(note, message(`Could not search partners: ${err.message}`, "error"));
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault(); // the CSP allows no form action; the search is a query
    search();
  });
  select.addEventListener("change", () => { if (select.value) onChoose(select.value); });

  /** Show `id` as chosen when it is among the matches (an ancestor clicked in the path above the tree). */
  function mark(id) {
    if ([...select.options].some((option) => option.value === id)) select.value = id;
  }

  return { element: form, search, mark };
}
