// relmap report site: sortable tables and the search filter. Every page works without this script.
"use strict";

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

function startSearch(form) {
  const input = form.querySelector("input");
  const status = document.getElementById("search-status");
  const items = Array.from(document.querySelectorAll("#search-results li"));
  let texts = items.map((item) => item.dataset.text || "");
  // Over http(s) the JSON index is the source of truth; from file:// browsers refuse fetch, so the page's own
  // copy of each entry's text (data-text) is used instead.
  if (location.protocol !== "file:" && window.fetch) {
    fetch(form.dataset.searchIndex)
      .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
      .then((entries) => {
        texts = items.map((item) => {
          const entry = entries[Number(item.dataset.index)];
          return entry ? entry.text : item.dataset.text || "";
        });
        filter();
      })
      .catch(() => {});
  }
  function filter() {
    const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    items.forEach((item, index) => {
      const match = words.every((word) => texts[index].includes(word));
      item.hidden = !match;
      if (match) shown += 1;
    });
    status.textContent = words.length ? `${shown} of ${items.length} match` : "";
  }
  form.addEventListener("submit", (event) => event.preventDefault());
  input.addEventListener("input", filter);
  const query = new URLSearchParams(location.search).get("q");
  if (query) {
    input.value = query;
  }
  filter();
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("table[data-sortable]").forEach(makeSortable);
  const form = document.querySelector("form.search");
  if (form) startSearch(form);
});
