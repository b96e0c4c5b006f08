// Partner 360 for the selected node: its headline figures over the default period (the last 90 days) and a
// chart of its open pipeline by stage, optionally with the partners below it that the token may see.

import { PARTNER_360 } from "./queries.js";
import { barChart } from "./chart.js";
import { el, message, replace } from "./dom.js";
import { compactMoney, count, day, enumLabel, money, moneyChange, percent } from "./format.js";

// The open stages always get a bar (an empty stage reads as zero, not as missing); a closed stage shows only
// when the API reports one (an opportunity open at the end of a past period but closed since).
const OPEN_STAGES = ["PROSPECTING", "QUALIFICATION", "PROPOSAL", "NEGOTIATION"];
const ALL_STAGES = [...OPEN_STAGES, "CLOSED_WON", "CLOSED_LOST"];

export function pipelineBars(pipeline, currency) {
  const byStage = new Map(pipeline.byStage.map((row) => [row.stage, row]));
  return ALL_STAGES
    .filter((stage) => OPEN_STAGES.includes(stage) || byStage.has(stage))
    .map((stage) => {
      const row = byStage.get(stage) || { count: 0, value: 0 };
      return {
        key: stage,
        label: enumLabel(stage),
        value: Number(row.value),
        valueText: compactMoney(row.value, currency),
        detail: count(row.count, "opportunity", "opportunities"),
      };
    });
}

function figure(name, label, value, note) {
  return el("div", { class: "figure", "data-figure": name }, [
    el("dt", null, label),
    el("dd", null, [value, note ? el("span", { class: "note" }, ` ${note}`) : null]),
  ]);
}

function figures(insights) {
  const { pipeline, sales, dealRegistrations: deals, cases, currency } = insights;
  const rows = [];
  if (pipeline) {
    rows.push(figure("open-pipeline", "Open pipeline", money(pipeline.openValue, currency),
      count(pipeline.openCount, "opportunity", "opportunities")));
    rows.push(figure("pipeline-change", "Change over the period", moneyChange(pipeline.change, currency),
      pipeline.changeRatio === null ? "" : `(${percent(pipeline.changeRatio)})`));
  }
  if (sales) {
    rows.push(figure("won-lost", "Won / lost", `${sales.won} / ${sales.lost}`, `win rate ${percent(sales.winRate)}`));
    rows.push(figure("revenue", "Revenue", money(sales.revenue, currency), count(sales.orders, "order", "orders")));
  }
  if (deals) {
    rows.push(figure("registrations", "Deal registrations", String(deals.created),
      `${deals.approved} approved (${percent(deals.approvalRate)})`));
  }
  if (cases) {
    rows.push(figure("cases", "Open cases", String(cases.open),
      `${cases.openBreached} breached, SLA ${percent(cases.slaAttainment)}`));
  }
  rows.push(figure("partners-counted", "Partners counted", String(insights.partnersCounted)));
  return el("dl", { class: "figures" }, rows);
}

/** client: the api.js client; alive(): false once a newer load replaced this panel. */
export function createPanel({ client, alive }) {
  const body = el("div", { class: "panel-body" });
  const subtree = el("input", { type: "checkbox", id: "panel-subtree" });
  const title = el("h2", { id: "panel-title" }, "Partner 360");
  const element = el("section", { class: "panel", "aria-labelledby": "panel-title", "data-state": "empty" }, [
    el("header", { class: "panel-header" }, [
      title,
      el("label", { class: "subtree", for: "panel-subtree" }, [subtree, " with the partners below it"]),
    ]),
    body,
  ]);
  let current = null;
  let seq = 0;

  async function load() {
    const partner = current;
    const mine = ++seq;
    const stillMine = () => alive() && mine === seq;
    title.textContent = `Partner 360: ${partner.name}`;
    element.setAttribute("data-state", "loading");
    element.setAttribute("data-key", partner.key);
    replace(body, message(`Loading Partner 360 for ${partner.name}\u2026`));
    try {
      const data = await client.request(PARTNER_360, { id: partner.id, subtree: subtree.checked });
      if (!stillMine()) return;
      const found = data.partner;
      if (!found || !found.insights) {
        element.setAttribute("data-state", "error");
        replace(body, message(`${partner.name} is not visible to this token (NOT_FOUND).`, "error"));
        return;
      }
      const { insights } = found;
      const facts = [enumLabel(found.type), enumLabel(found.status), found.country, found.currency]
        .filter(Boolean).join(" \u00b7 ");
      const parts = [
        el("p", { class: "facts" }, [facts, found.parent ? ` \u00b7 below ${found.parent.name}` : ""]),
        el("p", { class: "period" },
          `Last 90 days, ${day(insights.period.from)} to ${day(insights.period.to)}; money in ${insights.currency}.`),
        figures(insights),
      ];
      if (insights.pipeline) {
        parts.push(el("h3", null, "Open pipeline by stage"));
        parts.push(barChart({
          bars: pipelineBars(insights.pipeline, insights.currency),
          title: `Open pipeline of ${found.name} by stage, ${insights.currency}`,
        }));
      } else {
        parts.push(message("No pipeline figures for this partner."));
      }
      replace(body, parts);
      element.setAttribute("data-state", "ready");
    } catch (err) {
      if (!stillMine()) return;
      element.setAttribute("data-state", "error");
      replace(body, message(`Could not load Partner 360 for ${partner.name}: ${err.message}`, "error"));
    }
  }

  subtree.addEventListener("change", () => { if (current) load(); });

  function show(partner) {
    current = partner;
    load();
  }

  replace(body, message("Select a partner in the tree to see its Partner 360."));
  return { element, show };
}
