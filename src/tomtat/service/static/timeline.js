// The timeline: main events as marks on a dated strip (a dot for a day, a bar for a longer
// period), the same events as a list under it, background events in a list apart; a filter
// hides the events that do not mention an entity.

import { $, el, folded } from "./dom.js";
import { DAY, dayText, periodText, span } from "./periods.js";
import { withTip } from "./popover.js";

const LANE = 28; // px between stacked marks
const DOT = 18; // px, the width of a day mark

let records = []; // {event, period, mark, item} of the story shown

function citations(event, sources) {
  const box = el("span", null, "cites");
  for (const id of event.sources) {
    const source = sources.get(id);
    if (source) box.append(source.link());
  }
  return box;
}

function listItem(event, sources) {
  const item = el("li", null, event.background ? "event background" : "event");
  const time = el("time", periodText(event.date));
  time.dateTime = event.date.split("/")[0];
  item.append(time, el("span", event.text, "text"), citations(event, sources));
  return item;
}

function mark(record, sources) {
  const { event, period } = record;
  const button = el("button", null, period[1] > period[0] ? "mark bar" : "mark dot");
  button.type = "button";
  button.dataset.date = event.date;
  button.setAttribute("aria-label", `${periodText(event.date)}: ${event.text}`);
  withTip(button, () => [periodText(event.date), event.text,
    ...event.sources.map((id) => sources.get(id)).filter(Boolean).map((s) => `[${s.number}] ${s.title}`)]);
  button.addEventListener("click", () => {
    for (const other of records) other.item.classList.toggle("current", other === record);
    record.item.scrollIntoView({ block: "nearest", behavior: "smooth" });
  });
  record.item.addEventListener("mouseenter", () => button.classList.add("current"));
  record.item.addEventListener("mouseleave", () => button.classList.remove("current"));
  return button;
}

// Tick times and labels (days, months or years) for a strip `width` px wide: one per 76 px at most.
function ticks(lo, hi, width) {
  const most = Math.max(2, Math.floor(width / 76));
  const days = (hi - lo) / DAY;
  const dayStep = [1, 2, 7, 14].find((step) => days / step <= most);
  if (dayStep) {
    const times = [];
    for (let t = lo; t < hi; t += dayStep * DAY) times.push([t + DAY / 2, dayText(t).replace(/\/\d{4}$/, "")]);
    return times;
  }
  const start = new Date(lo);
  const months = days / 30.44;
  const monthStep = [1, 2, 3, 6].find((step) => months / step <= most);
  const yearStep = [1, 2, 5, 10, 20, 50, 100].find((step) => months / 12 / step <= most) || 100;
  const times = [];
  for (let i = 1; ; i++) {
    const t = monthStep ? Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + i * monthStep, 1)
      : Date.UTC(Math.ceil(start.getUTCFullYear() / yearStep) * yearStep + (i - 1) * yearStep, 0, 1);
    if (t >= hi) return times;
    const day = new Date(t);
    if (t > lo) times.push([t, monthStep ? `${day.getUTCMonth() + 1}/${day.getUTCFullYear()}` : `${day.getUTCFullYear()}`]);
  }
}

// Place the marks (in lanes, so none overlap) and the axis ticks for the strip's current width.
function layout() {
  const strip = $("strip");
  const placed = records.filter((r) => r.mark);
  if (!placed.length || strip.hidden) return;
  const lanes = strip.querySelector(".lanes");
  const width = lanes.clientWidth || 300;
  const lo = Math.min(...placed.map((r) => r.period[0]));
  const hi = Math.max(...placed.map((r) => r.period[1])) + DAY;
  const x = (time) => ((time - lo) / (hi - lo)) * 100;
  const laneEnds = [];
  for (const record of placed) {
    const [first, last] = record.period;
    const isDot = last === first;
    const left = isDot ? x(first + DAY / 2) : x(first);
    const startPx = (left / 100) * width - (isDot ? DOT / 2 : 0);
    const endPx = isDot ? startPx + DOT : Math.max(startPx + DOT, (x(last + DAY) / 100) * width);
    let lane = laneEnds.findIndex((end) => end + 4 <= startPx);
    if (lane < 0) lane = laneEnds.push(endPx) - 1;
    else laneEnds[lane] = endPx;
    record.mark.style.left = `${left}%`;
    record.mark.style.top = `${lane * LANE}px`;
    if (!isDot) record.mark.style.width = `${Math.max(x(last + DAY) - left, (DOT / width) * 100)}%`;
  }
  lanes.style.height = `${laneEnds.length * LANE}px`;
  const axis = strip.querySelector(".axis");
  axis.replaceChildren(...ticks(lo, hi, width).map(([time, label]) => {
    const tick = el("span", label, "tick");
    const at = x(time);
    tick.style.left = `${at}%`;
    if (at < 6) tick.classList.add("start");
    if (at > 94) tick.classList.add("end");
    return tick;
  }));
}

// Draw a story's events; `sources` maps article ids to {number, title, link()}.
export function renderTimeline(events, sources) {
  const main = [];
  const background = [];
  records = events.map((event) => {
    const record = { event, period: span(event.date), item: listItem(event, sources), mark: null };
    (event.background ? background : main).push(record);
    return record;
  });
  const onStrip = main.filter((r) => r.period).sort((a, b) => a.period[0] - b.period[0]);
  for (const record of onStrip) record.mark = mark(record, sources);
  const strip = $("strip");
  strip.hidden = onStrip.length === 0;
  strip.setAttribute("aria-label", `Trục thời gian: ${onStrip.length} sự kiện`);
  strip.querySelector(".lanes").replaceChildren(...onStrip.map((r) => r.mark));
  $("timeline").replaceChildren(...main.map((r) => r.item));
  if (!main.length) $("timeline").append(el("li", "Không có sự kiện có ngày tháng.", "meta"));
  $("background").replaceChildren(...background.map((r) => r.item));
  $("background-part").hidden = background.length === 0;
  layout();
}

// Show only the events whose text holds one of `forms` (all of them for null); [shown, all].
export function filterTimeline(forms) {
  let shown = 0;
  for (const record of records) {
    const text = folded(record.event.text);
    const visible = !forms || forms.some((form) => text.includes(form));
    record.item.hidden = !visible;
    if (record.mark) record.mark.hidden = !visible;
    shown += visible ? 1 : 0;
  }
  return [shown, records.length];
}

let pending = false;
window.addEventListener("resize", () => {
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => { pending = false; layout(); });
});
