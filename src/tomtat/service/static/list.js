// The story list: newest first, searched and paged by the server (X-Total-Count gives the total).
// Its state lives in the address: #/?q=lũ+quét&page=2.

import { $, api, dates, el } from "./dom.js";

export const PAGE_SIZE = 10;

export function listState(hash) {
  const params = new URLSearchParams(hash.replace(/^#\/?\??/, ""));
  return { q: params.get("q") || "", page: Math.max(1, parseInt(params.get("page"), 10) || 1) };
}

export function listHash({ q, page }) {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `#/?${query}` : "#/";
}

export async function showList(state) {
  $("story-view").hidden = true;
  $("list-view").hidden = false;
  document.title = "tomtat – tóm tắt tin tức";
  if ($("search").value.trim() !== state.q) $("search").value = state.q;
  const query = new URLSearchParams({ order: "newest", limit: String(PAGE_SIZE),
                                      offset: String((state.page - 1) * PAGE_SIZE) });
  if (state.q) query.set("q", state.q);
  const { body: stories, headers } = await api(`/api/stories?${query}`);
  const total = parseInt(headers.get("X-Total-Count"), 10) || 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const list = $("stories");
  list.replaceChildren(...stories.map((story) => {
    const item = el("li");
    const link = el("a", story.label);
    link.href = `#/story/${encodeURIComponent(story.id)}`;
    item.append(link, el("div", `${dates(story.first_date, story.last_date)} · ${story.article_count} bài`, "meta"));
    return item;
  }));
  $("empty").hidden = total > 0;
  $("empty").textContent = state.q ? `Không tìm thấy sự kiện nào cho “${state.q}”.`
    : "Chưa có bài báo nào. Hãy thêm bài ở phần “Thêm bài báo”.";
  $("list-count").textContent = total ? `${total} sự kiện${state.q ? ` khớp “${state.q}”` : ""}` : "";
  $("pager").hidden = pages <= 1;
  $("page-info").textContent = `Trang ${Math.min(state.page, pages)}/${pages}`;
  $("prev-page").disabled = state.page <= 1;
  $("next-page").disabled = state.page >= pages;
}

// Search as one types (the address is replaced, not pushed, then `show` runs) and page with the two buttons.
export function wireList(show) {
  let timer;
  $("search").addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      history.replaceState(null, "", listHash({ q: $("search").value.trim(), page: 1 }));
      show();
    }, 250);
  });
  $("search-form").addEventListener("submit", (event) => event.preventDefault());
  for (const [id, step] of [["prev-page", -1], ["next-page", 1]]) {
    $(id).addEventListener("click", () => {
      const state = listState(location.hash);
      location.hash = listHash({ ...state, page: state.page + step });
    });
  }
}
