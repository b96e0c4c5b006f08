// Building DOM without a framework: text goes in as text nodes, never as HTML, so names from the graph cannot
// inject markup.

const SVG_NS = "http://www.w3.org/2000/svg";

function fill(node, attrs, children) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") {
      node.addEventListener(name.slice(2).toLowerCase(), value);
    } else {
      node.setAttribute(name, value === true ? "" : String(value));
    }
  }
  for (const child of [].concat(children ?? [])) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** An HTML element: el("button", {class: "x", onClick: f}, ["text", otherNode]). */
export function el(tag, attrs, children) {
  return fill(document.createElement(tag), attrs, children);
}

/** An SVG element, the same way. */
export function svg(tag, attrs, children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

/** Replace everything inside `node` with `children`. */
export function replace(node, children) {
  node.replaceChildren();
  return fill(node, null, children);
}

/** A readable message block: role=alert for errors so screen readers and tests find it. */
export function message(text, kind = "info") {
  return el("p", { class: `message message-${kind}`, role: kind === "error" ? "alert" : "status" }, text);
}
