// The story page: the summary (each sentence's source in a popover), the numbered sources,
// where the sources disagree, the entity chips that filter the timeline, and the timeline itself.

import { $, api, dates, el, folded, outlet, status } from "./dom.js";
import { renderConflicts } from "./conflicts.js";
import { withTip } from "./popover.js";
import { filterTimeline, renderTimeline } from "./timeline.js";

const KINDS = { PER: "người", ORG: "tổ chức", LOC: "địa danh", MISC: "khác" };
const MOST_CHIPS = 12;

// Article id -> {number, title, date, source, cited, link()}: the cited articles first, numbered in
// order of first citation (as `tomtat summarize` numbers them), then the others by date.
function numberSources(summary) {
  const sources = new Map();
  const byId = new Map(summary.articles.map((a) => [a.id, a]));
  const add = (id, fallback) => {
    if (!sources.has(id)) {
      const article = byId.get(id) || fallback;
      const number = sources.size + 1;
      sources.set(id, { number, title: article.title || id, date: article.date, source: article.source, cited: 0,
                        link: () => sourceLink(number) });
    }
    return sources.get(id);
  };
  for (const sentence of summary.sentences) add(sentence.article, sentence).cited += 1;
  for (const article of summary.articles) add(article.id, article);
  return sources;
}

function sourceLink(number) {
  const link = el("a", `[${number}]`, "cite");
  link.href = `#src-${number}`;
  link.setAttribute("aria-label", `nguồn ${number}`);
  link.addEventListener("click", (event) => {
    event.preventDefault();
    const target = $(`src-${number}`);
    target.scrollIntoView({ behavior: "smooth", block: "center" });
    target.focus({ preventScroll: true });
  });
  return link;
}

function renderSummary(summary, sources) {
  const box = $("summary");
  box.replaceChildren(...summary.sentences.map((sentence) => {
    const source = sources.get(sentence.article);
    const paragraph = el("p", sentence.text, "sentence");
    paragraph.tabIndex = 0;
    const sup = el("sup");
    sup.append(source.link());
    paragraph.append(" ", sup);
    withTip(paragraph, () => [`[${source.number}] ${source.title}`,
      [source.date || "không rõ ngày", outlet(source.source)].filter(Boolean).join(" · ")]);
    return paragraph;
  }));
  if (!summary.sentences.length) box.append(el("p", "Không đủ nội dung để tóm tắt.", "meta"));
}

function renderSources(sources) {
  $("sources").replaceChildren(...[...sources.values()].map((source) => {
    const item = el("li");
    item.id = `src-${source.number}`;
    item.value = source.number;
    item.tabIndex = -1;
    if (source.source && /^https?:\/\//i.test(source.source)) {
      const link = el("a", source.title);
      link.href = source.source;
      link.rel = "noopener noreferrer";
      item.append(link);
    } else {
      item.append(el("span", source.title, "title"));
    }
    const where = [source.date || "không rõ ngày", outlet(source.source),
                   source.cited ? `${source.cited} câu trong tóm tắt` : "không trích trong tóm tắt"];
    item.append(el("div", where.filter(Boolean).join(" · "), "meta"));
    return item;
  }));
}

function renderChips(entities) {
  const chips = entities.slice(0, MOST_CHIPS).map((entity) => {
    const chip = el("button", null, "chip");
    chip.type = "button";
    chip.setAttribute("aria-pressed", "false");
    chip.dataset.kind = entity.type;
    chip.append(el("span", KINDS[entity.type] || entity.type, "kind"), el("span", entity.name, "name"),
                el("span", String(entity.count), "count"));
    chip.addEventListener("click", () => {
      const pressed = chip.getAttribute("aria-pressed") === "true";
      for (const other of chips) other.setAttribute("aria-pressed", "false");
      if (pressed) return applyFilter(null);
      chip.setAttribute("aria-pressed", "true");
      applyFilter(entity);
    });
    return chip;
  });
  $("chips").replaceChildren(...chips);
  $("filter-part").hidden = chips.length === 0;
  $("clear-filter").onclick = () => {
    for (const chip of chips) chip.setAttribute("aria-pressed", "false");
    applyFilter(null);
  };
}

function applyFilter(entity) {
  const [shown, all] = filterTimeline(entity ? [entity.name, ...entity.mentions].map(folded) : null);
  $("clear-filter").disabled = !entity;
  $("filter-note").textContent = entity ? `Lọc theo “${entity.name}”: ${shown}/${all} sự kiện.` : "";
}

export async function showStory(id) {
  $("list-view").hidden = true;
  $("story-view").hidden = false;
  for (const part of ["story-label", "story-meta", "summary", "sources", "timeline", "background", "chips",
                      "keyphrases", "filter-note", "conflicts", "conflicts-count"]) {
    $(part).replaceChildren();
  }
  const base = `/api/stories/${encodeURIComponent(id)}`;
  const { body: story } = await api(base);
  $("story-label").textContent = story.label;
  $("story-meta").textContent = `${dates(story.first_date, story.last_date)} · ${story.article_count} bài`;
  document.title = `${story.label} – tomtat`;
  status("Đang tóm tắt…");
  $("conflicts-part").hidden = true;
  const [summary, timeline, entities, conflicts] = await Promise.all(
    [`${base}/summary?format=json`, `${base}/timeline`, `${base}/entities`, `${base}/conflicts`].map((path) => api(path)));
  status("");
  const sources = numberSources(summary.body);
  renderSummary(summary.body, sources);
  renderSources(sources);
  renderConflicts(conflicts.body.conflicts, sources);
  renderTimeline(timeline.body, sources);
  renderChips(entities.body.entities);
  applyFilter(null);
  const phrases = entities.body.keyphrases;
  $("keyphrases").textContent = phrases.length ? `Cụm từ khoá: ${phrases.join(", ")}` : "";
}
