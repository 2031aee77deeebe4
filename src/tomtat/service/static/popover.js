// One popover for the whole page: shown on hover, focus or tap of a target, hidden on Escape,
// on leaving the target or on a tap elsewhere. The target points at it with aria-describedby.

import { $ } from "./dom.js";

let current = null;

function place(target) {
  const tip = $("tip");
  const box = target.getBoundingClientRect();
  const room = document.documentElement.clientWidth;
  tip.style.maxWidth = `${Math.min(352, room - 16)}px`;
  const width = tip.offsetWidth;
  const left = Math.max(8, Math.min(box.left, room - width - 8));
  tip.style.left = `${left + window.scrollX}px`;
  tip.style.top = `${box.bottom + window.scrollY + 6}px`;
}

export function hideTip() {
  if (!current) return;
  current.removeAttribute("aria-describedby");
  current.classList.remove("tipped");
  current = null;
  $("tip").hidden = true;
}

function showTip(target, lines) {
  const tip = $("tip");
  tip.replaceChildren(...lines.filter(Boolean).map((line, index) => {
    const node = document.createElement(index === 0 ? "strong" : "span");
    node.textContent = line;
    return node;
  }));
  if (current && current !== target) hideTip();
  current = target;
  target.classList.add("tipped");
  target.setAttribute("aria-describedby", "tip");
  tip.hidden = false;
  place(target);
}

// Give `target` a popover of `lines` (the first in bold), computed when it opens.
export function withTip(target, lines) {
  const open = () => showTip(target, lines());
  target.addEventListener("mouseenter", open);
  target.addEventListener("focus", open);
  target.addEventListener("click", open);
  target.addEventListener("mouseleave", () => { if (document.activeElement !== target) hideTip(); });
  target.addEventListener("blur", () => { if (current === target) hideTip(); });
}

document.addEventListener("keydown", (event) => { if (event.key === "Escape") hideTip(); });
window.addEventListener("resize", () => { if (current) place(current); });
