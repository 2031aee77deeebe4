// tomtat web page: story list, story page, add/upload forms. All text goes through textContent.
"use strict";

const $ = (id) => document.getElementById(id);

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function status(message, isError) {
  $("status").textContent = message;
  $("status").className = isError ? "error" : "";
}

async function api(path, options) {
  const response = await fetch(path, options);
  const body = await response.json().catch(() => ({ error: `HTTP ${response.status}` }));
  if (!response.ok) throw new Error(body.error || `HTTP ${response.status}`);
  return { status: response.status, body };
}

function dates(first, last) {
  if (!first) return "không rõ ngày";
  return first === last || !last ? first : `${first} – ${last}`;
}

async function showList() {
  $("story-view").hidden = true;
  $("list-view").hidden = false;
  const { body: stories } = await api("/api/stories");
  const list = $("stories");
  list.replaceChildren();
  $("empty").hidden = stories.length > 0;
  for (const story of stories) {
    const item = el("li");
    const link = el("a", story.label);
    link.href = `#/story/${encodeURIComponent(story.id)}`;
    item.append(link, el("div", `${dates(story.first_date, story.last_date)} · ${story.article_count} bài`, "meta"));
    list.append(item);
  }
}

function sourceLink(number) {
  const link = el("a", `[${number}]`);
  link.href = `#src-${number}`;
  link.addEventListener("click", (event) => {
    event.preventDefault();
    document.getElementById(`src-${number}`).scrollIntoView({ behavior: "smooth" });
  });
  return link;
}

function renderSummary(summary) {
  const numbers = new Map();
  for (const s of summary.sentences) if (!numbers.has(s.article)) numbers.set(s.article, numbers.size + 1);
  const box = $("summary");
  box.replaceChildren();
  for (const sentence of summary.sentences) {
    const paragraph = el("p", sentence.text);
    const sup = el("sup");
    sup.append(sourceLink(numbers.get(sentence.article)));
    paragraph.append(sup);
    box.append(paragraph);
  }
  if (!summary.sentences.length) box.append(el("p", "Không đủ nội dung để tóm tắt.", "meta"));
  const sources = $("sources");
  sources.replaceChildren();
  const seen = new Set();
  for (const sentence of summary.sentences) {
    if (seen.has(sentence.article)) continue;
    seen.add(sentence.article);
    const item = el("li");
    item.id = `src-${numbers.get(sentence.article)}`;
    const title = sentence.title || sentence.article;
    if (sentence.source && /^https?:\/\//i.test(sentence.source)) {
      const link = el("a", title);
      link.href = sentence.source;
      link.rel = "noopener noreferrer";
      item.append(link);
    } else {
      item.append(el("span", title));
    }
    if (sentence.date) item.append(el("span", ` (${sentence.date})`, "meta"));
    sources.append(item);
  }
}

function renderTimeline(events) {
  const list = $("timeline");
  list.replaceChildren();
  for (const event of events) {
    const item = el("li", null, event.background ? "background" : "");
    const time = el("time", event.background ? `${event.date} (bối cảnh)` : event.date);
    time.dateTime = event.date;
    item.append(time, el("span", event.text));
    list.append(item);
  }
  if (!events.length) list.append(el("li", "Không có sự kiện có ngày tháng.", "meta"));
}

function renderEntities(data) {
  const list = $("entities");
  list.replaceChildren();
  for (const entity of data.entities) {
    const item = el("li");
    item.append(el("span", entity.type, "type"), el("span", `${entity.name} (${entity.count})`));
    list.append(item);
  }
  $("keyphrases").textContent = data.keyphrases.length ? `Cụm từ khoá: ${data.keyphrases.join(", ")}` : "";
}

async function showStory(id) {
  $("list-view").hidden = true;
  $("story-view").hidden = false;
  for (const part of ["story-label", "story-meta", "summary", "sources", "timeline", "entities", "keyphrases"]) {
    $(part).replaceChildren();
  }
  const base = `/api/stories/${encodeURIComponent(id)}`;
  const { body: story } = await api(base);
  $("story-label").textContent = story.label;
  $("story-meta").textContent = `${dates(story.first_date, story.last_date)} · ${story.article_count} bài`;
  document.title = `${story.label} – tomtat`;
  const [summary, timeline, entities] = await Promise.all(
    [`${base}/summary?format=json`, `${base}/timeline`, `${base}/entities`].map((path) => api(path)));
  renderSummary(summary.body);
  renderTimeline(timeline.body);
  renderEntities(entities.body);
}

async function waitForJob(url) {
  for (;;) {
    const { body: job } = await api(url);
    status(`Đang thêm bài: ${job.done}/${job.total}`);
    if (job.status === "done") return job.total;
    if (job.status === "failed") throw new Error(job.error || "lỗi khi thêm bài");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function submitted(request) {
  status("Đang thêm bài…");
  const { status: code, body } = await request;
  const count = code === 202 ? await waitForJob(body.url) : body.articles.length;
  status(`Đã thêm ${count} bài.`);
  await showList();
}

async function route() {
  const match = location.hash.match(/^#\/story\/(.+)$/);
  status("");
  try {
    if (match) await showStory(decodeURIComponent(match[1]));
    else await showList();
  } catch (error) {
    status(error.message, true);
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("paste-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const article = { title: $("paste-title").value, text: $("paste-text").value };
    if ($("paste-date").value) article.date = $("paste-date").value;
    try {
      await submitted(api("/api/articles", {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(article) }));
      event.target.reset();
    } catch (error) {
      status(error.message, true);
    }
  });
  $("upload-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await submitted(api("/api/articles/upload", { method: "POST", body: new FormData(event.target) }));
      event.target.reset();
    } catch (error) {
      status(error.message, true);
    }
  });
  window.addEventListener("hashchange", route);
  route();
});
