// relmap report site: sortable tables, search from every page, and diagrams one can explore (zoom and pan,
// highlight an actor's relations, filter by type, status and year, open a line's relations on the page), and
// the timeline's year slider. Every page works without this script: it only adds to what the HTML shows.
"use strict";

// ---------------------------------------------------------------------------------------------------------
// The page's address holds what a reader may want to link to: the search query, the filters, a pinned actor.

function urlParam(name) {
  return new URLSearchParams(location.search).get(name);
}

function setURLParams(values) {
  const params = new URLSearchParams(location.search);
  Object.keys(values).forEach((name) => {
    if (values[name] === null || values[name] === "") params.delete(name);
    else params.set(name, values[name]);
  });
  const query = params.toString();
  if ("?" + query === location.search || (!query && !location.search)) return;
  try {
    history.replaceState(history.state, "", (query ? "?" + query : location.pathname.split("/").pop() || "./") + location.hash);
  } catch (error) {
    // Some browsers refuse to change a file:// address; the page still works, only the address stays.
  }
}

function classTokens(element, prefix) {
  const value = element.getAttribute("class") || "";
  return value.split(/\s+/).filter((token) => token.startsWith(prefix));
}

function make(tag, attributes, text) {
  const element = document.createElement(tag);
  Object.keys(attributes || {}).forEach((name) => element.setAttribute(name, attributes[name]));
  if (text !== undefined) element.textContent = text;
  return element;
}

// A row of buttons that is one tab stop: the arrow keys move between its buttons (the ARIA toolbar pattern).
function rovingToolbar(toolbar) {
  const buttons = () => Array.from(toolbar.querySelectorAll("button")).filter((button) => !button.hidden);
  const first = buttons()[0];
  buttons().forEach((button) => button.setAttribute("tabindex", button === first ? "0" : "-1"));
  toolbar.addEventListener("keydown", (event) => {
    const list = buttons();
    const index = list.indexOf(document.activeElement);
    if (index < 0) return;
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    let next = null;
    if (step) next = list[(index + step + list.length) % list.length];
    else if (event.key === "Home") next = list[0];
    else if (event.key === "End") next = list[list.length - 1];
    if (!next) return;
    event.preventDefault();
    list.forEach((button) => button.setAttribute("tabindex", button === next ? "0" : "-1"));
    next.focus();
  });
}

// ---------------------------------------------------------------------------------------------------------
// Sortable tables.

function cellKey(row, column) {
  const cell = row.cells[column];
  return cell ? (cell.dataset.sort || cell.textContent.trim().toLowerCase()) : "";
}

function makeSortable(table) {
  const headers = Array.from(table.tHead ? table.tHead.rows[0].cells : []);
  headers.forEach((header, column) => {
    if (header.hasAttribute("data-nosort")) return;
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = header.textContent;
    header.textContent = "";
    header.appendChild(button);
    button.addEventListener("click", () => {
      const ascending = header.getAttribute("aria-sort") !== "ascending";
      headers.forEach((other) => other.removeAttribute("aria-sort"));
      header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      const body = table.tBodies[0];
      const rows = Array.from(body.rows);
      rows.sort((a, b) => {
        const order = cellKey(a, column).localeCompare(cellKey(b, column));
        return ascending ? order : -order;
      });
      rows.forEach((row) => body.appendChild(row));
    });
  });
}

// ---------------------------------------------------------------------------------------------------------
// Search: every entry's text holds its names, summary and kind in lower case.

const kindOrder = { actor: 0, relation: 1, source: 2 };

// How well an entry answers a query, lower is better; null when it does not match every word. What the name
// says comes before what the rest of the text does: "border" finds the Kyrgyz Border Guard Service before an
// actor whose relations mention a border.
function matchRank(title, text, query) {
  const words = query.split(/\s+/).filter(Boolean);
  if (!words.length || !words.every((word) => text.includes(word))) return null;
  const name = title.toLowerCase();
  if (name === query) return 0;
  if (name.startsWith(query)) return 1;
  if (words.every((word) => name.includes(word))) return 2;
  return text.split(/\s+/).includes(query) ? 3 : 4;
}

function bestEntries(entries, query) {
  const wanted = query.trim().toLowerCase();
  return entries
    .map((entry, index) => ({ entry, index, rank: matchRank(entry.title, entry.text, wanted) }))
    .filter((hit) => hit.rank !== null)
    .sort((a, b) => a.rank - b.rank || kindOrder[a.entry.kind] - kindOrder[b.entry.kind] || a.index - b.index);
}

// The index as a script, loaded once when a search box is first used (a script loads from file://; JSON does not).
let searchIndex = null;
function loadSearchIndex(source) {
  if (!searchIndex) {
    searchIndex = new Promise((resolve, reject) => {
      if (window.relmapSearchIndex) return resolve(window.relmapSearchIndex);
      const script = make("script", { src: source });
      script.addEventListener("load", () => (window.relmapSearchIndex ? resolve(window.relmapSearchIndex) : reject()));
      script.addEventListener("error", () => reject());
      document.head.appendChild(script);
    });
  }
  return searchIndex;
}

// The header's box: Enter opens the best hit when it is a name that starts with the query, else the search page.
function startSiteSearch(form) {
  const input = form.querySelector("input");
  const root = form.getAttribute("action").replace(/search\.html$/, "");
  input.addEventListener("focus", () => loadSearchIndex(form.dataset.index).catch(() => {}), { once: true });
  form.addEventListener("submit", (event) => {
    const query = input.value.trim();
    if (!query) return;
    event.preventDefault();
    loadSearchIndex(form.dataset.index)
      .then((entries) => {
        const best = bestEntries(entries, query)[0];
        if (best && best.rank <= 1) location.href = root + best.entry.url;
        else location.href = form.getAttribute("action") + "?q=" + encodeURIComponent(query);
      })
      .catch(() => form.submit());
  });
}

// The search page: the list filters as one types, best matches first in each group; Enter opens the best one.
function startSearch(form) {
  const input = form.querySelector("input");
  const status = document.getElementById("search-status");
  const groups = Array.from(document.querySelectorAll(".search-group"));
  const items = Array.from(document.querySelectorAll(".search-results li"));
  const entries = items.map((item) => ({
    item,
    title: item.querySelector("a").textContent,
    text: item.dataset.text || "",
    kind: item.closest(".search-group").dataset.kind,
    index: Number(item.dataset.index),
  }));
  let best = null;
  function filter() {
    const query = input.value.trim().toLowerCase();
    best = null;
    let shown = 0;
    const ranked = entries.map((entry) => ({ entry, rank: query ? matchRank(entry.title, entry.text, query) : 5 }));
    ranked.sort((a, b) => (a.rank === null) - (b.rank === null) || a.rank - b.rank || a.entry.index - b.entry.index);
    ranked.forEach(({ entry, rank }) => {
      entry.item.hidden = rank === null;
      entry.item.parentElement.appendChild(entry.item);
      if (rank === null) return;
      shown += 1;
      if (!best || rank < best.rank || (rank === best.rank && kindOrder[entry.kind] < kindOrder[best.entry.kind])) best = { entry, rank };
    });
    groups.forEach((group) => {
      const count = group.querySelectorAll("li:not([hidden])").length;
      group.hidden = count === 0;
      const counter = group.querySelector(".count");
      if (counter) counter.textContent = `(${count})`;
    });
    status.textContent = query ? `${shown} of ${items.length} match${best ? "; Enter opens " + best.entry.title : ""}` : "";
    setURLParams({ q: input.value.trim() || null });
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    filter();
    if (best) location.href = best.entry.item.querySelector("a").href;
  });
  input.addEventListener("input", filter);
  input.value = urlParam("q") || "";
  if (input.value) filter();
}

// ---------------------------------------------------------------------------------------------------------
// Filters: relation types and statuses to hide, and a year the relations must be in force in. They apply to
// every diagram and relation table of the page, and live in the address (?hide=type-meeting,status-planned&year=2006).

const filters = { hidden: new Set(), year: null, listeners: [] };

function readFilters() {
  (urlParam("hide") || "").split(",").filter(Boolean).forEach((token) => filters.hidden.add(token));
  const year = Number(urlParam("year"));
  filters.year = Number.isInteger(year) && year > 0 ? year : null;
}

function changeFilters() {
  setURLParams({ hide: Array.from(filters.hidden).sort().join(",") || null, year: filters.year });
  filters.listeners.forEach((listener) => listener());
}

// Whether a year span ("2001 2014", "2003 open", "never") holds the filter's year.
function spanHolds(first, last) {
  if (filters.year === null) return true;
  if (first === "never") return false;
  return (first === "open" || Number(first) <= filters.year) && (last === "open" || filters.year <= Number(last));
}

// A relation passes when its type and status are shown and it is in force in the chosen year.
function relationShown(type, status, first, last) {
  return !filters.hidden.has("type-" + type) && !filters.hidden.has("status-" + status) && spanHolds(first, last);
}

// A line or marker passes when one of the relations it stands for does (fact-STATUS-FIRST-LAST classes).
function drawingShown(element) {
  const type = (classTokens(element, "type-")[0] || "").slice(5);
  const facts = classTokens(element, "fact-");
  if (!type || !facts.length) return true;
  return facts.some((fact) => {
    const parts = fact.slice(5).split("-");
    return relationShown(type, parts[0], parts[1], parts[2] === undefined ? parts[1] : parts[2]);
  });
}

function rowShown(row) {
  const years = (row.dataset.years || "never").split(" ");
  return relationShown(row.dataset.type, row.dataset.status, years[0], years[1] === undefined ? years[0] : years[1]);
}

function applyFiltersToRows() {
  const rows = Array.from(document.querySelectorAll("table.relations tr[data-type]"));
  rows.forEach((row) => (row.hidden = !rowShown(row)));
  return rows;
}

// Relation types by keyword, named as the page's legends name them, else as the relation tables list them.
const typeNames = {};
function readTypeNames() {
  const table = document.querySelector("table[data-type-names]");
  (table ? table.dataset.typeNames.split(";") : []).forEach((pair) => {
    const [keyword, name] = pair.split("=");
    if (keyword && name) typeNames[keyword] = name;
  });
  document.querySelectorAll(".legend li[data-filter^='type-']").forEach((item) => {
    typeNames[item.dataset.filter.slice(5)] = item.textContent.replace(/\s*\(.*\)\s*$/, "").trim();
  });
}
function typeName(type) {
  return typeNames[type] || type.replace(/-/g, " ").replace(/^./, (letter) => letter.toUpperCase());
}

// The filter bar under a diagram: one toolbar of toggles for types and statuses, and a year slider.
function filterBar(figure, svg) {
  const rows = Array.from(document.querySelectorAll("table.relations tr[data-type]"));
  const types = new Set(rows.map((row) => row.dataset.type));
  const statuses = new Set(rows.map((row) => row.dataset.status));
  const years = [];
  rows.forEach((row) => (row.dataset.years || "").split(" ").forEach((year) => /^\d+$/.test(year) && years.push(Number(year))));
  if (svg) {
    svg.querySelectorAll("[class*='fact-']").forEach((element) => {
      classTokens(element, "type-").forEach((token) => types.add(token.slice(5)));
      classTokens(element, "fact-").forEach((token) => {
        const parts = token.slice(5).split("-");
        statuses.add(parts[0]);
        parts.slice(1).forEach((year) => /^\d+$/.test(year) && years.push(Number(year)));
      });
    });
  }
  readTypeNames();
  if (types.size + statuses.size < 3 && !years.length) return null;
  const bar = make("div", { class: "filters" });
  const toolbar = make("div", { role: "toolbar", "aria-label": "Show or hide relations by type and status" });
  const toggles = [];
  function toggle(token, label) {
    const button = make("button", { type: "button", "data-filter": token, "aria-pressed": "true" }, label);
    button.addEventListener("click", () => {
      if (filters.hidden.has(token)) filters.hidden.delete(token);
      else filters.hidden.add(token);
      changeFilters();
    });
    toggles.push(button);
    return button;
  }
  const sorted = (set) => Array.from(set).filter(Boolean).sort();
  // Each label wraps with its buttons, so a line never ends on a label whose buttons start the next.
  function group(label, buttons) {
    const element = make("span", { class: "filter-group" });
    element.appendChild(make("span", { class: "filter-label" }, label));
    buttons.forEach((button) => element.appendChild(button));
    toolbar.appendChild(element);
  }
  if (types.size > 1) group("Types:", sorted(types).map((type) => toggle("type-" + type, typeName(type))));
  if (statuses.size > 1) group("Status:", sorted(statuses).map((status) => toggle("status-" + status, status)));
  if (toggles.length) {
    bar.appendChild(toolbar);
    rovingToolbar(toolbar);
  }
  let slider = null;
  let output = null;
  // A year's page steps between years itself; a second year control there would contradict it.
  if (years.length && !document.querySelector("p.step[data-years]")) {
    const first = Math.min(...years);
    const last = Math.max(...years);
    if (last > first) {
      const id = figure.id + "-year";
      const label = make("label", { for: id, class: "year-filter" }, "In force in ");
      slider = make("input", { type: "range", id, min: String(first - 1), max: String(last), step: "1" });
      output = make("output", { for: id, "aria-live": "polite" });
      slider.addEventListener("input", () => {
        filters.year = Number(slider.value) < first ? null : Number(slider.value);
        changeFilters();
      });
      label.appendChild(slider);
      label.appendChild(output);
      bar.appendChild(label);
    }
  }
  const status = make("p", { class: "filter-status", "aria-live": "polite" });
  bar.appendChild(status);
  // The legend's type entries toggle too, for the pointer; the keyboard has the toolbar above.
  figure.querySelectorAll(".legend li[data-filter]").forEach((item) => {
    const button = make("button", { type: "button", class: "legend-toggle", tabindex: "-1", "aria-pressed": "true" });
    while (item.firstChild) button.appendChild(item.firstChild);
    item.appendChild(button);
    button.addEventListener("click", () => {
      const token = item.dataset.filter;
      if (filters.hidden.has(token)) filters.hidden.delete(token);
      else filters.hidden.add(token);
      changeFilters();
    });
    toggles.push(button);
  });
  function show() {
    toggles.forEach((button) => {
      const token = button.dataset.filter || button.parentElement.dataset.filter;
      button.setAttribute("aria-pressed", filters.hidden.has(token) ? "false" : "true");
    });
    if (slider) {
      slider.value = String(filters.year === null ? Number(slider.min) : filters.year);
      output.textContent = filters.year === null ? "any year" : String(filters.year);
    }
    const shown = rows.filter((row) => !row.hidden).length;
    const active = filters.hidden.size > 0 || filters.year !== null;
    status.textContent = active && rows.length ? `${shown} of ${rows.length} relations in the tables shown.` : "";
  }
  filters.listeners.push(show);
  return bar;
}

// ---------------------------------------------------------------------------------------------------------
// A diagram's lines and actors as a graph: which lines touch an actor, which lines draw the same relation.

function diagramGraph(svg) {
  const nodes = new Map();
  const edges = [];
  const byNode = new Map();
  const byRelation = new Map();
  svg.querySelectorAll("g.node").forEach((node) => {
    const title = node.querySelector("title");
    if (title) nodes.set(title.textContent, node);
  });
  svg.querySelectorAll("g.edge").forEach((edge) => {
    const title = edge.querySelector("title");
    const ends = title ? title.textContent.split(/->|--/) : [];
    const item = { element: edge, ends, relations: classTokens(edge, "rel-") };
    edges.push(item);
    ends.forEach((end) => (byNode.get(end) || byNode.set(end, []).get(end)).push(item));
    item.relations.forEach((relation) => (byRelation.get(relation) || byRelation.set(relation, []).get(relation)).push(item));
  });
  return { nodes, edges, byNode, byRelation };
}

// ---------------------------------------------------------------------------------------------------------
// Explorable diagrams.

function explore(figure) {
  const picture = figure.querySelector(".picture");
  const content = picture && picture.querySelector("svg, img");
  if (!content) return;
  const svg = content.tagName.toLowerCase() === "svg" ? content : null;
  const title = (figure.querySelector("figcaption strong") || {}).textContent || "Diagram";

  // Natural size in CSS pixels (Graphviz draws in points).
  let natural = { width: 0, height: 0 };
  if (svg) {
    const box = svg.viewBox.baseVal;
    natural = { width: box.width * 4 / 3, height: box.height * 4 / 3 };
    svg.setAttribute("role", "group");
    svg.setAttribute("tabindex", "-1");
    svg.removeAttribute("width");
    svg.style.width = natural.width + "px";
    svg.style.height = natural.height + "px";
    svg.style.maxWidth = "none";
  }

  const stage = make("div", { class: "stage" });
  picture.insertBefore(stage, content);
  stage.appendChild(content);
  picture.classList.add("zoomable");

  // A diagram larger than its frame opens on its middle at a scale where labels can be read; the note says
  // there is more of it, and goes once all of it is in the frame.
  const cropNote = make("span", { class: "crop-note" }, "Showing part of the diagram: Fit shows all of it");

  const view = { scale: 1, x: 0, y: 0, fit: 1, widthFit: 1, height: 0 };
  // A year's map opens where the reader left the same view's map of another year (for this tab): the years share
  // one layout and one width, so stepping from year to year then moves nothing on the screen.
  const yearly = /^figure-(.+)-\d{4}$/.exec(figure.id);
  const memoryKey = yearly ? "relmap-view:" + yearly[1] : null;
  function remember() {
    if (!memoryKey) return;
    try {
      sessionStorage.setItem(memoryKey, JSON.stringify({ scale: view.scale, x: view.x, y: view.y, width: Math.round(natural.width) }));
    } catch (error) { /* storage refused: each year opens on its own */ }
  }
  function recall() {
    if (!memoryKey) return;
    try {
      const kept = JSON.parse(sessionStorage.getItem(memoryKey) || "null");
      if (!kept || kept.width !== Math.round(natural.width)) return;
      view.scale = Math.min(8, Math.max(view.fit / 2, kept.scale));
      view.x = kept.x;
      view.y = kept.y;
    } catch (error) { /* nothing kept */ }
  }
  // Kept as the page is left rather than on every move of a drag.
  window.addEventListener("pagehide", remember);
  function apply() {
    stage.style.transform = `translate(${view.x}px, ${view.y}px) scale(${view.scale})`;
    picture.dataset.scale = view.scale.toFixed(3);
    // Zoomed in past the frame's width, a finger pans the drawing every way; before that, an upward swipe
    // scrolls the page, so a map taller than the screen never traps it.
    picture.classList.toggle("zoomed-in", view.scale > view.widthFit * 1.01);
    cropNote.hidden = natural.width * view.scale <= picture.clientWidth + 1 && natural.height * view.scale <= picture.clientHeight + 1;
  }
  function clampPan() {
    const width = picture.clientWidth;
    const height = picture.clientHeight;
    const drawnWidth = natural.width * view.scale;
    const drawnHeight = natural.height * view.scale;
    view.x = drawnWidth <= width ? (width - drawnWidth) / 2 : Math.min(0, Math.max(width - drawnWidth, view.x));
    view.y = drawnHeight <= height ? (height - drawnHeight) / 2 : Math.min(0, Math.max(height - drawnHeight, view.y));
  }
  function zoomAt(factor, pointX, pointY) {
    const scale = Math.min(8, Math.max(view.fit / 2, view.scale * factor));
    const x = pointX === undefined ? picture.clientWidth / 2 : pointX;
    const y = pointY === undefined ? picture.clientHeight / 2 : pointY;
    view.x = x - (x - view.x) * (scale / view.scale);
    view.y = y - (y - view.y) * (scale / view.scale);
    view.scale = scale;
    clampPan();
    apply();
  }
  // The viewport keeps the picture's shape up to 80% of the window's height; the picture starts fitted to it,
  // but never smaller than a scale at which labels stay legible (a large map then opens on its middle).
  function layout(initial) {
    const available = picture.clientWidth || figure.clientWidth;
    const full = document.fullscreenElement === figure || figure.classList.contains("is-full");
    const widthFit = Math.min(1, available / natural.width);
    // A fitted view stays fitted when the frame changes (full screen, a turned phone).
    const wasFitted = !initial && view.scale <= view.fit * 1.01;
    view.widthFit = widthFit;
    // On a phone the whole picture comes first (fingers zoom in); on a wider screen, legible labels.
    const legible = available < 700 ? widthFit : Math.max(widthFit, 0.75);
    const maxHeight = full ? window.innerHeight - 120 : Math.max(240, window.innerHeight * 0.8);
    if (initial) view.height = Math.round(Math.min(natural.height * legible, maxHeight));
    picture.style.height = (full ? Math.round(Math.min(natural.height, maxHeight)) : view.height) + "px";
    view.fit = Math.min(widthFit, picture.clientHeight / natural.height);
    if (wasFitted) view.scale = view.fit;
    if (initial) {
      view.scale = Math.min(legible, 1);
      view.x = (picture.clientWidth - natural.width * view.scale) / 2;
      view.y = (picture.clientHeight - natural.height * view.scale) / 2;
      recall();
    }
    clampPan();
    apply();
  }
  function fit() {
    view.scale = view.fit;
    clampPan();
    apply();
  }
  function centreOn(element) {
    const box = element.getBoundingClientRect();
    const frame = picture.getBoundingClientRect();
    view.x += frame.left + frame.width / 2 - (box.left + box.width / 2);
    view.y += frame.top + frame.height / 2 - (box.top + box.height / 2);
    clampPan();
    apply();
  }
  function ensureVisible(element) {
    const box = element.getBoundingClientRect();
    const frame = picture.getBoundingClientRect();
    if (box.left < frame.left || box.right > frame.right || box.top < frame.top || box.bottom > frame.bottom) centreOn(element);
  }

  // Buttons: zoom in and out, fit, full screen, and pin the highlight.
  const tools = make("div", { class: "diagram-tools", role: "toolbar", "aria-label": `${title}: zoom and highlight` });
  const buttons = {};
  [["in", "+", "Zoom in"], ["out", "−", "Zoom out"], ["fit", "Fit", "Fit the diagram to its frame"],
    ["full", "Full screen", "Show the diagram full screen"], ["pin", "Pin", "Keep the highlighted actor's relations lit"]]
    .forEach(([name, text, label]) => {
      if (name === "pin" && !svg) return;
      const button = make("button", { type: "button", "aria-label": label, title: label, "data-action": name }, text);
      if (name === "pin") button.setAttribute("aria-pressed", "false");
      tools.appendChild(button);
      buttons[name] = button;
    });
  tools.appendChild(cropNote);
  figure.insertBefore(tools, picture);
  rovingToolbar(tools);
  buttons.in.addEventListener("click", () => zoomAt(1.4));
  buttons.out.addEventListener("click", () => zoomAt(1 / 1.4));
  buttons.fit.addEventListener("click", fit);
  buttons.full.addEventListener("click", () => {
    const full = document.fullscreenElement === figure || figure.classList.contains("is-full");
    if (full) {
      if (document.fullscreenElement) document.exitFullscreen();
      else figure.classList.remove("is-full");
    } else if (figure.requestFullscreen) {
      figure.requestFullscreen().catch(() => figure.classList.add("is-full"));
    } else {
      figure.classList.add("is-full");
    }
    setTimeout(() => layout(false), 50);
  });
  document.addEventListener("fullscreenchange", () => {
    buttons.full.textContent = document.fullscreenElement === figure ? "Exit full screen" : "Full screen";
    layout(false);
  });

  // Pointer: a drag pans, two fingers pinch, the wheel zooms with Ctrl or ⌘ (a plain wheel scrolls the page).
  const pointers = new Map();
  let dragged = false;
  let pinch = null;
  picture.addEventListener("pointerdown", (event) => {
    if (event.button !== 0) return;
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    dragged = false;
    if (pointers.size === 2) {
      const [a, b] = Array.from(pointers.values());
      pinch = { distance: Math.hypot(a.x - b.x, a.y - b.y) };
    }
  });
  picture.addEventListener("pointermove", (event) => {
    const last = pointers.get(event.pointerId);
    if (!last) return;
    const now = { x: event.clientX, y: event.clientY };
    pointers.set(event.pointerId, now);
    if (pointers.size === 2 && pinch) {
      const [a, b] = Array.from(pointers.values());
      const distance = Math.hypot(a.x - b.x, a.y - b.y);
      const frame = picture.getBoundingClientRect();
      zoomAt(distance / pinch.distance, (a.x + b.x) / 2 - frame.left, (a.y + b.y) / 2 - frame.top);
      pinch.distance = distance;
      dragged = true;
      return;
    }
    if (!dragged && Math.hypot(now.x - last.x, now.y - last.y) < 4) {
      pointers.set(event.pointerId, last);
      return;
    }
    if (!dragged) picture.setPointerCapture(event.pointerId);
    dragged = true;
    view.x += now.x - last.x;
    view.y += now.y - last.y;
    clampPan();
    apply();
  });
  const release = (event) => {
    pointers.delete(event.pointerId);
    if (pointers.size < 2) pinch = null;
  };
  picture.addEventListener("pointerup", release);
  picture.addEventListener("pointercancel", release);
  // A drag that ends over a link does not follow it.
  picture.addEventListener("click", (event) => {
    if (dragged) {
      event.preventDefault();
      event.stopPropagation();
      dragged = false;
    }
  }, true);
  picture.addEventListener("wheel", (event) => {
    if (!event.ctrlKey && !event.metaKey) return;
    event.preventDefault();
    const frame = picture.getBoundingClientRect();
    zoomAt(Math.exp(-event.deltaY * 0.002), event.clientX - frame.left, event.clientY - frame.top);
  }, { passive: false });

  // Keyboard: + and − zoom, 0 fits, Shift and the arrows pan; in a drawn diagram the arrows move between its
  // actors and lines, which are one tab stop together.
  function keys(event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return false;
    const pan = { ArrowLeft: [60, 0], ArrowRight: [-60, 0], ArrowUp: [0, 60], ArrowDown: [0, -60] }[event.key];
    if (event.key === "+" || event.key === "=") zoomAt(1.25);
    else if (event.key === "-" || event.key === "_") zoomAt(0.8);
    else if (event.key === "0") fit();
    else if (pan && (event.shiftKey || !svg)) {
      view.x += pan[0];
      view.y += pan[1];
      clampPan();
      apply();
    } else return false;
    event.preventDefault();
    return true;
  }
  if (!svg) {
    picture.setAttribute("tabindex", "0");
    picture.setAttribute("role", "group");
    picture.setAttribute("aria-label", `${title}: zoom with + and −, move with the arrow keys`);
    picture.addEventListener("keydown", keys);
  }

  window.addEventListener("resize", () => layout(false));
  layout(true);
  if (svg) exploreDrawing(figure, svg, { keys, ensureVisible, centreOn, pin: buttons.pin });
}

// Highlight, pin, keyboard movement and lines that open their relations, in an inline SVG diagram.
function exploreDrawing(figure, svg, frame) {
  const graph = diagramGraph(svg);
  const links = Array.from(svg.querySelectorAll("a"));
  const nodeOf = new Map();
  graph.nodes.forEach((node, name) => nodeOf.set(node, name));

  // Each link is named by the first line of its tooltip; a line standing for several says how many.
  links.forEach((link) => {
    const tip = link.getAttribute("xlink:title") || link.getAttribute("title") || "";
    link.setAttribute("role", "link");
    link.setAttribute("aria-label", tip.split("\n")[0].replace(/:$/, "") || link.textContent.trim());
    link.setAttribute("tabindex", "-1");
  });
  const start = svg.querySelector("g.node a") || links[0];
  if (start) start.setAttribute("tabindex", "0");

  let pinned = null;
  let lit = null;
  // What was lit last, which the Pin button keeps even though reaching it moved the pointer off the diagram.
  let last = null;
  function clear() {
    svg.classList.remove("has-highlight");
    svg.querySelectorAll(".is-lit").forEach((element) => element.classList.remove("is-lit"));
    lit = null;
  }
  // Lights `target` (an actor's node or a line) with the lines of every relation it takes part in and their ends.
  function highlight(target) {
    if (lit === target) return;
    clear();
    if (!target) return;
    lit = target;
    last = target;
    const relations = new Set();
    let edges = [];
    const name = nodeOf.get(target);
    if (name !== undefined) edges = graph.byNode.get(name) || [];
    else edges = graph.edges.filter((edge) => edge.element === target);
    classTokens(target, "rel-").forEach((relation) => relations.add(relation));
    edges.forEach((edge) => edge.relations.forEach((relation) => relations.add(relation)));
    const litEdges = new Set(edges);
    relations.forEach((relation) => (graph.byRelation.get(relation) || []).forEach((edge) => litEdges.add(edge)));
    target.classList.add("is-lit");
    litEdges.forEach((edge) => {
      edge.element.classList.add("is-lit");
      edge.ends.forEach((end) => graph.nodes.has(end) && graph.nodes.get(end).classList.add("is-lit"));
    });
    svg.classList.add("has-highlight");
  }
  function setPin(target) {
    pinned = target;
    frame.pin.setAttribute("aria-pressed", target ? "true" : "false");
    highlight(target);
    const name = target ? nodeOf.get(target) : null;
    const relation = target && name === undefined ? classTokens(target, "rel-")[0] : null;
    setURLParams({ pin: name || relation || null });
  }
  const targetOf = (element) => element && element.closest && element.closest("g.node, g.edge");
  svg.addEventListener("pointerover", (event) => {
    if (!pinned && event.pointerType !== "touch") highlight(targetOf(event.target));
  });
  svg.addEventListener("pointerleave", () => !pinned && clear());
  svg.addEventListener("focusin", (event) => {
    if (!pinned) highlight(targetOf(event.target));
  });
  svg.addEventListener("focusout", () => !pinned && clear());
  frame.pin.addEventListener("click", () => setPin(pinned ? null : last));

  // Arrow keys move to the nearest actor or line in that direction; P pins, Escape lets go.
  svg.addEventListener("keydown", (event) => {
    if (frame.keys(event)) return;
    const current = event.target.closest && event.target.closest("a");
    if (!current) return;
    if (event.key === "p" || event.key === "P") {
      setPin(pinned ? null : targetOf(current));
      event.preventDefault();
      return;
    }
    if (event.key === "Escape") {
      setPin(null);
      return;
    }
    const direction = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[event.key];
    if (!direction) return;
    event.preventDefault();
    const centre = (element) => {
      const box = element.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    };
    const from = centre(current);
    let best = null;
    links.forEach((link) => {
      if (link === current || link.closest(".filtered-out")) return;
      const to = centre(link);
      const along = (to.x - from.x) * direction[0] + (to.y - from.y) * direction[1];
      if (along <= 1) return;
      const across = Math.abs((to.x - from.x) * direction[1] + (to.y - from.y) * direction[0]);
      const cost = along + 2 * across;
      if (!best || cost < best.cost) best = { link, cost };
    });
    if (!best) return;
    current.setAttribute("tabindex", "-1");
    best.link.setAttribute("tabindex", "0");
    best.link.focus({ preventScroll: true });
    frame.ensureVisible(best.link);
  });

  // A line (or a relation's marker) whose relations are listed on this page opens them here.
  svg.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest("a");
    const owner = link && link.closest("g.edge, g.node");
    if (!owner || event.defaultPrevented) return;
    const relations = classTokens(owner, "rel-");
    if (!relations.length || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const rows = relations.map((relation) => document.getElementById(relation)).filter((row) => row && row.tagName === "TR");
    if (relations.length === 1 && rows.length === 1) {
      event.preventDefault();
      showRow(rows[0]);
    } else if (relations.length > 1) {
      event.preventDefault();
      openPanel(figure, link, relations);
    }
  });

  // Filters hide lines and markers; an actor left without a shown line fades.
  function filter() {
    svg.querySelectorAll("g.edge, g.node").forEach((element) => element.classList.toggle("filtered-out", !drawingShown(element)));
    graph.nodes.forEach((node, name) => {
      const edges = graph.byNode.get(name) || [];
      node.classList.toggle("faded", edges.length > 0 && edges.every((edge) => edge.element.classList.contains("filtered-out")));
    });
  }
  filters.listeners.push(filter);

  const pin = urlParam("pin");
  if (pin) {
    const target = graph.nodes.get(pin) || (graph.byRelation.get(pin) || [])[0];
    const element = target && (target.element || target);
    if (element) {
      setPin(element);
      frame.centreOn(element);
    }
  }
}

// Scrolls to a relation's row and marks it for a moment.
function showRow(row) {
  row.hidden = false;
  row.setAttribute("tabindex", "-1");
  row.classList.remove("is-shown");
  void row.offsetWidth;
  row.classList.add("is-shown");
  row.scrollIntoView({ block: "center" });
  row.focus({ preventScroll: true });
}

// A panel under the diagram listing every relation a merged line stands for: from this page's rows where they
// are here, else from the line's tooltip, with links to the rows on the diagram's own page.
function openPanel(figure, link, relations) {
  let panel = figure.querySelector(".relation-panel");
  if (!panel) {
    panel = make("section", { class: "relation-panel", "aria-labelledby": figure.id + "-panel-title", tabindex: "-1" });
    figure.insertBefore(panel, figure.querySelector("figcaption"));
  }
  panel.textContent = "";
  const tip = (link.getAttribute("xlink:title") || "").split("\n");
  const heading = make("h2", { id: figure.id + "-panel-title" }, tip[0].replace(/:$/, "") || `${relations.length} relations`);
  const close = make("button", { type: "button", class: "close" }, "Close");
  close.addEventListener("click", () => {
    panel.remove();
    link.focus();
  });
  panel.appendChild(heading);
  panel.appendChild(close);
  const list = make("ul");
  const viewPage = figure.querySelector("a.view-link");
  relations.forEach((relation, index) => {
    const item = make("li");
    const row = document.getElementById(relation);
    if (row && row.tagName === "TR") {
      const cells = row.cells;
      item.appendChild(make("strong", {}, cells[0].textContent.trim() + ", " + cells[4].textContent.trim() + ": "));
      item.appendChild(document.createTextNode(cells[3].textContent.trim() + " "));
      const sources = cells[5].querySelector("ul");
      if (sources) {
        const copy = sources.cloneNode(true);
        copy.className = "citations inline";
        item.appendChild(copy);
      }
      const jump = make("a", { href: "#" + relation }, "in the table");
      jump.addEventListener("click", (event) => {
        event.preventDefault();
        showRow(row);
      });
      item.appendChild(document.createTextNode(" "));
      item.appendChild(jump);
    } else {
      item.appendChild(document.createTextNode((tip[index + 1] || relation).replace(/^• /, "") + " "));
      if (viewPage) item.appendChild(make("a", { href: viewPage.getAttribute("href") + "#" + relation }, "in the table"));
      else if (index === 0) item.appendChild(make("a", { href: link.getAttribute("xlink:href") || link.getAttribute("href") }, "on the timeline"));
    }
    list.appendChild(item);
  });
  panel.appendChild(list);
  panel.focus();
}

// ---------------------------------------------------------------------------------------------------------
// The timeline's year slider: steps between the years' pages, keeping the filters; Play goes on by itself.

function yearSlider(step) {
  const years = step.dataset.years.split(" ").map(Number);
  const current = years.indexOf(Number(step.dataset.year));
  if (years.length < 2 || current < 0) return;
  const base = step.dataset.base;
  const slider = make("div", { class: "year-slider" });
  const id = "year-slider";
  const label = make("label", { for: id }, "Year ");
  const input = make("input", { type: "range", id, min: "0", max: String(years.length - 1), step: "1", value: String(current),
    "aria-valuetext": String(years[current]) });
  const output = make("output", { for: id }, String(years[current]));
  const back = make("button", { type: "button", "aria-label": "Previous year" }, "◀");
  const forward = make("button", { type: "button", "aria-label": "Next year" }, "▶");
  const playing = urlParam("play") === "1" && current < years.length - 1;
  if (!playing && urlParam("play")) setURLParams({ play: null });
  const play = make("button", { type: "button", "aria-pressed": playing ? "true" : "false" }, playing ? "Pause" : "Play");
  function go(index, keepPlaying) {
    const params = new URLSearchParams(location.search);
    if (keepPlaying) params.set("play", "1");
    else params.delete("play");
    const query = params.toString();
    location.href = base + years[index] + ".html" + (query ? "?" + query : "");
  }
  input.addEventListener("input", () => {
    output.textContent = String(years[Number(input.value)]);
    input.setAttribute("aria-valuetext", output.textContent);
  });
  // A pointer lets go at the year the reader chose; the arrow keys step a year a press, so the page follows
  // once they pause rather than loading every year passed on the way. The last way the slider was used decides.
  let byKey = false;
  let pending = null;
  input.addEventListener("keydown", () => (byKey = true));
  input.addEventListener("pointerdown", () => (byKey = false));
  input.addEventListener("change", () => {
    clearTimeout(pending);
    const index = Number(input.value);
    if (index === current) return;
    if (byKey) pending = setTimeout(() => go(index, false), 700);
    else go(index, false);
  });
  back.addEventListener("click", () => current > 0 && go(current - 1, false));
  forward.addEventListener("click", () => current < years.length - 1 && go(current + 1, false));
  back.disabled = current === 0;
  forward.disabled = current === years.length - 1;
  let timer = null;
  play.addEventListener("click", () => {
    if (timer) {
      clearTimeout(timer);
      timer = null;
      setURLParams({ play: null });
      play.textContent = "Play";
      play.setAttribute("aria-pressed", "false");
    } else {
      go(current < years.length - 1 ? current + 1 : 0, true);
    }
  });
  if (playing) timer = setTimeout(() => go(current + 1, true), 1800);
  label.appendChild(input);
  [back, label, output, forward, play].forEach((element) => slider.appendChild(element));
  step.parentNode.insertBefore(slider, step.nextSibling);
}

// ---------------------------------------------------------------------------------------------------------

document.addEventListener("DOMContentLoaded", () => {
  document.documentElement.classList.add("js");
  readFilters();
  document.querySelectorAll("table[data-sortable]").forEach(makeSortable);
  const siteSearch = document.querySelector("form.site-search");
  if (siteSearch) startSiteSearch(siteSearch);
  const form = document.querySelector("form.search");
  if (form) startSearch(form);
  document.querySelectorAll("p.step[data-years]").forEach(yearSlider);
  let filtering = false;
  document.querySelectorAll("figure.diagram").forEach((figure) => {
    explore(figure);
    // The filters hold for the whole page, so one bar, under the first diagram, sets them for every diagram.
    if (filtering) return;
    const bar = filterBar(figure, figure.querySelector(".picture svg"));
    if (bar) figure.querySelector("figcaption").insertBefore(bar, figure.querySelector("figcaption .legend, figcaption .downloads"));
    filtering = !!bar;
  });
  // Rows are filtered only where a filter bar shows what is hidden.
  if (filtering) filters.listeners.unshift(applyFiltersToRows);
  changeFilters();
});
