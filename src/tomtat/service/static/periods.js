// Calendar spans of the TIMEX3 values the timeline gives ("2025-11-03", "2025-W45", "2008", "2025-Q3",
// "2025-SU", "202" (a decade), "20" (a century), "a/b" ranges) and their Vietnamese wording.

export const DAY = 86400000;
const SEASONS = { SP: [3, 5, "mùa xuân"], SU: [6, 8, "mùa hè"], FA: [9, 11, "mùa thu"], WI: [12, 2, "mùa đông"] };

const utc = (year, month, day) => Date.UTC(year, month - 1, day);
const endOfMonth = (year, month) => utc(year, month + 1, 0);

function isoWeekMonday(year, week) {
  const jan4 = utc(year, 1, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7; // Monday 0
  return jan4 - weekday * DAY + (week - 1) * 7 * DAY;
}

// [first day, last day] (UTC milliseconds) of one point value; null when unreadable.
function pointSpan(value) {
  const text = value.split("T")[0];
  let m;
  if ((m = text.match(/^(\d{4})-W(\d{2})(-WE)?$/))) {
    const monday = isoWeekMonday(+m[1], +m[2]);
    return [monday + (m[3] ? 5 : 0) * DAY, monday + 6 * DAY];
  }
  if ((m = text.match(/^(\d{4})-Q([1-4])$/))) return [utc(+m[1], 3 * m[2] - 2, 1), endOfMonth(+m[1], 3 * m[2])];
  if ((m = text.match(/^(\d{4})-H([12])$/))) {
    return m[2] === "1" ? [utc(+m[1], 1, 1), utc(+m[1], 6, 30)] : [utc(+m[1], 7, 1), utc(+m[1], 12, 31)];
  }
  if ((m = text.match(/^(\d{4})-(SP|SU|FA|WI)$/))) {
    const [start, end] = SEASONS[m[2]];
    return [utc(+m[1], start, 1), endOfMonth(+m[1] + (end < start ? 1 : 0), end)];
  }
  if ((m = text.match(/^(\d{2,3})$/))) {
    const first = +m[1] * 10 ** (4 - m[1].length);
    return [utc(first, 1, 1), utc(first + (m[1].length === 3 ? 9 : 99), 12, 31)];
  }
  if ((m = text.match(/^(\d{4})$/))) return [utc(+m[1], 1, 1), utc(+m[1], 12, 31)];
  if ((m = text.match(/^(\d{4})-(\d{2})$/))) return [utc(+m[1], +m[2], 1), endOfMonth(+m[1], +m[2])];
  if ((m = text.match(/^(\d{4})-(\d{2})-(\d{2})$/))) return [utc(+m[1], +m[2], +m[3]), utc(+m[1], +m[2], +m[3])];
  return null;
}

// [first day, last day] a value covers (a range: its start's first to its end's last); null when unreadable.
export function span(value) {
  const [start, end] = value.split("/");
  const first = pointSpan(start);
  const last = end ? pointSpan(end) : first;
  return first && last ? [first[0], last[1]] : null;
}

export function dayText(time) {
  const day = new Date(time);
  return `${day.getUTCDate()}/${day.getUTCMonth() + 1}/${day.getUTCFullYear()}`;
}

function pointText(value) {
  const text = value.split("T")[0];
  let m;
  if ((m = text.match(/^(\d{4})-W(\d{2})(-WE)?$/))) {
    const [first, last] = pointSpan(text);
    return `${m[3] ? "cuối tuần" : "tuần"} ${+m[2]}/${m[1]} (${dayText(first)} – ${dayText(last)})`;
  }
  if ((m = text.match(/^(\d{4})-Q([1-4])$/))) return `quý ${m[2]}/${m[1]}`;
  if ((m = text.match(/^(\d{4})-H([12])$/))) return `${m[2] === "1" ? "6 tháng đầu" : "6 tháng cuối"} năm ${m[1]}`;
  if ((m = text.match(/^(\d{4})-(SP|SU|FA|WI)$/))) return `${SEASONS[m[2]][2]} ${m[1]}`;
  if ((m = text.match(/^(\d{3})$/))) return `thập niên ${m[1]}0`;
  if ((m = text.match(/^(\d{2})$/))) return `thế kỷ ${+m[1] + 1}`;
  if ((m = text.match(/^(\d{4})$/))) return `năm ${m[1]}`;
  if ((m = text.match(/^(\d{4})-(\d{2})$/))) return `tháng ${+m[2]}/${m[1]}`;
  const day = pointSpan(text);
  return day ? dayText(day[0]) : value;
}

// "3/11/2025", "tháng 9/2017", "năm 2008", "2/11/2025 – 3/11/2025": how the page writes a value.
export function periodText(value) {
  const [start, end] = value.split("/");
  return end ? `${pointText(start)} – ${pointText(end)}` : pointText(start);
}
