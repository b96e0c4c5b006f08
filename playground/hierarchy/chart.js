// A small hand-written SVG bar chart. Four bars need no charting library: SVG keeps every bar and label in the
// DOM (readable by screen readers and tests, unlike a canvas), costs no extra asset, and is styled by our CSS.

import { svg } from "./dom.js";

const WIDTH = 460;
const HEIGHT = 230;
const TOP = 24; // room for the value above the tallest bar
const BOTTOM = 44; // room for two lines of labels
const SIDE = 12;
const MIN_VISIBLE = 2; // a bar with a value above zero never vanishes next to a much larger one

/**
 * bars: [{ key, label, value (number), valueText, detail }]; title: what the chart shows (its accessible name).
 */
export function barChart({ bars, title }) {
  const max = Math.max(0, ...bars.map((bar) => bar.value));
  const slot = (WIDTH - 2 * SIDE) / Math.max(1, bars.length);
  const barWidth = Math.min(64, slot * 0.6);
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const baseline = TOP + plotHeight;

  const items = bars.map((bar, index) => {
    const scaled = max > 0 ? (bar.value / max) * plotHeight : 0;
    const height = bar.value > 0 ? Math.max(MIN_VISIBLE, scaled) : 0;
    const centre = SIDE + slot * index + slot / 2;
    return svg("g", { class: "bar-group", "data-key": bar.key }, [
      svg("rect", {
        class: "bar",
        x: (centre - barWidth / 2).toFixed(1),
        y: (baseline - height).toFixed(1),
        width: barWidth.toFixed(1),
        height: height.toFixed(1),
        "data-key": bar.key,
        "data-value": bar.value,
      }, svg("title", null, `${bar.label}: ${bar.valueText} (${bar.detail})`)),
      svg("text", { class: "bar-value", x: centre.toFixed(1), y: (baseline - height - 6).toFixed(1) }, bar.valueText),
      svg("text", { class: "bar-label", x: centre.toFixed(1), y: baseline + 16 }, bar.label),
      svg("text", { class: "bar-detail", x: centre.toFixed(1), y: baseline + 32 }, bar.detail),
    ]);
  });

  return svg("svg", {
    class: "bar-chart",
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: "img",
    "aria-label": title,
  }, [
    svg("title", null, title),
    svg("line", { class: "axis", x1: SIDE, x2: WIDTH - SIDE, y1: baseline, y2: baseline }),
    ...items,
  ]);
}
