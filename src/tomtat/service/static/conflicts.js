// The conflicts section: facts the sources give differently. Each conflict shows its competing
// values, and under each value the sentences saying it with the articles they come from; a later
// value that revises an earlier one ("đã tăng lên") is marked as an update, not a disagreement.

import { $, el } from "./dom.js";

const KINDS = { number: "Số liệu", name: "Tên riêng", date: "Ngày", role: "Chức danh" };

// The value's sentences, each once, with the source links of the articles giving it.
function sentences(value, sources) {
  const byText = new Map();
  value.sentences.forEach((text, index) => {
    if (!byText.has(text)) byText.set(text, []);
    byText.get(text).push(value.articles[index]);
  });
  return [...byText].map(([text, articles]) => {
    const quote = el("blockquote", null, "said");
    quote.append(el("span", text, "text"));
    const cites = el("span", null, "cites");
    for (const id of new Set(articles)) {
      const source = sources.get(id);
      cites.append(" ", source ? source.link() : el("span", `[${id}]`, "cite"));
    }
    quote.append(cites);
    return quote;
  });
}

function conflictItem(conflict, sources) {
  const item = el("li", null, conflict.update ? "conflict update" : "conflict");
  const head = el("p", null, "head");
  head.append(el("span", KINDS[conflict.kind] || conflict.kind, "kind"), " ", el("strong", conflict.subject, "subject"));
  if (conflict.update) head.append(" ", el("span", `cập nhật: số mới là ${conflict.later}`, "badge"));
  const values = el("ul", null, "values");
  for (const value of conflict.values) {
    const later = conflict.update && value.value === conflict.later;
    const row = el("li", null, later ? "value later" : "value");
    const label = el("p", null, "label");
    label.append(el("strong", value.value));
    label.append(" ", el("span", later ? "mới nhất" : `${new Set(value.articles).size} bài`, "meta"));
    row.append(label, ...sentences(value, sources));
    values.append(row);
  }
  item.append(head, values);
  return item;
}

// Fill #conflicts; the section stays hidden when the sources agree.
export function renderConflicts(conflicts, sources) {
  $("conflicts").replaceChildren(...conflicts.map((conflict) => conflictItem(conflict, sources)));
  $("conflicts-count").textContent = conflicts.length
    ? `${conflicts.length} điểm các nguồn đưa khác nhau (kể cả số liệu được cập nhật).` : "";
  $("conflicts-part").hidden = conflicts.length === 0;
}
