// tomtat web page: routing between the story list and a story, and the forms that add articles.
// The modules write every piece of data with textContent (see dom.js), never as HTML.

import { $, api, status } from "./dom.js";
import { hideTip } from "./popover.js";
import { listState, showList, wireList } from "./list.js";
import { showStory } from "./story.js";

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
  await showList(listState(location.hash));
}

async function route() {
  const match = location.hash.match(/^#\/story\/(.+)$/);
  hideTip();
  status("");
  try {
    if (match) await showStory(decodeURIComponent(match[1]));
    else await showList(listState(location.hash));
  } catch (error) {
    status(error.message, true);
  }
}

function wireForms() {
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
}

wireForms();
wireList(route);
window.addEventListener("hashchange", route);
route();
