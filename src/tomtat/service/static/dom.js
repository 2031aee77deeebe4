// Small DOM and fetch helpers. Every piece of data reaches the page through textContent.

export const $ = (id) => document.getElementById(id);

export function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

export function status(message, isError) {
  $("status").textContent = message;
  $("status").className = isError ? "error" : "";
}

// The JSON body and headers of a request; throws the API's {"error"} message on a failure.
// A server started with --token answers a write without it 401: the token is asked once and
// kept for the tab (sessionStorage), then sent with every request.
export async function api(path, options = {}, asked = false) {
  const headers = new Headers(options.headers);
  const token = sessionStorage.getItem("tomtat-token");
  if (token) headers.set("Authorization", `Bearer ${token}`);
  const response = await fetch(path, { ...options, headers });
  if (response.status === 401 && !asked) {
    const entered = window.prompt("Máy chủ cần mã truy cập (token) để ghi:");
    if (entered) {
      sessionStorage.setItem("tomtat-token", entered.trim());
      return api(path, options, true);
    }
  }
  const body = await response.json().catch(() => ({ error: `HTTP ${response.status}` }));
  if (!response.ok) throw new Error(body.error || `HTTP ${response.status}`);
  return { status: response.status, body, headers: response.headers };
}

export function dates(first, last) {
  if (!first) return "không rõ ngày";
  return first === last || !last ? first : `${first} – ${last}`;
}

// The host of an http(s) source ("tinvungcao.example.vn"), the source itself otherwise.
export function outlet(source) {
  const host = (source || "").match(/^https?:\/\/(?:[^@/?#]*@)?([^/?#:]+)/i);
  return host ? host[1].toLowerCase().replace(/^www\./, "") : source || "";
}

// Lowercase NFC text, for matching entity mentions.
export const folded = (text) => text.normalize("NFC").toLocaleLowerCase("vi");
