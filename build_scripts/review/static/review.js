// The review page: draws the cut the server sends, sends the editor's fixes, draws the new cut.
// Dump text only ever goes into the page as text (textContent, title), never as markup.
"use strict";

const ROLES = [["title", "t"], ["kicker", "k"], ["subtitle", "s"], ["subhead", "h"], ["dateline", "d"],
  ["byline", "b"], ["body", "p"], ["caption", "c"], ["credit", "r"], ["furniture", "f"]];
const KEY_ROLE = Object.fromEntries(ROLES.map(([role, key]) => [key, role]));

let state = null;      // the page as the server last cut it
let selected = null;   // the selected line number
let editing = null;    // "text" or "title" while the editor is open

const $ = (id) => document.getElementById(id);

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("data-")) node.setAttribute(key, value);
    else node[key] = value;
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

function showError(message) {
  const box = $("error");
  box.textContent = message || "";
  box.hidden = !message;
}

async function call(path, body) {
  const response = await fetch(path, body === undefined ? {} : {
    method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)});
  const answer = await response.json();
  if (!response.ok) {
    showError(answer.error || `${response.status}`);
    return false;
  }
  showError("");
  state = answer;
  draw();
  return true;
}

function lineOf(n) { return state.lines.find((line) => line.n === n); }
function articleOf(n) {
  const line = lineOf(n);
  return line && line.article ? state.articles[line.article - 1] : null;
}

function groups() {
  const out = [];
  for (const line of state.lines) {
    const last = out[out.length - 1];
    if (last && last.article === line.article) last.lines.push(line);
    else out.push({article: line.article, lines: [line]});
  }
  return out;
}

function drawLines() {
  const page = $("page");
  page.replaceChildren();
  for (const group of groups()) {
    const article = group.article ? state.articles[group.article - 1] : null;
    const head = article ? `${article.order}. ${article.title || "(无标题)"}` : "set aside (in no article)";
    const box = el("section", {class: article ? "article" : "article aside"}, el("h3", {text: head}));
    if (article) box.dataset.article = String(article.order);
    for (const line of group.lines) {
      const row = el("div", {class: `line role-${line.role}`, "data-n": String(line.n), tabIndex: -1});
      const text = el("span", {class: "text", text: line.text});
      if (line.printed !== line.text) text.append(el("span", {class: "printed", text: line.printed}));
      row.append(el("span", {class: "n", text: String(line.n)}), el("span", {class: "role", text: line.role}), text);
      if (line.check.length) {
        row.classList.add("to-check");
        row.append(el("span", {class: "check", text: "?", title: line.check.join("\n")}));
      }
      if (line.n === selected) row.classList.add("selected");
      row.addEventListener("click", () => select(line.n));
      box.append(row);
    }
    page.append(box);
  }
}

function drawArticles() {
  const list = $("articles");
  list.replaceChildren();
  $("count").textContent = String(state.articles.length);
  for (const a of state.articles) {
    const head = [a.kicker, a.title || "(无标题)", a.subtitle].filter(Boolean);
    const item = el("li", {"data-first": String(a.first)},
      el("span", {class: "title", text: head.join(" / ")}),
      el("div", {class: "sub", text: `${a.byline || "no byline"} · lines ${a.first}–${a.last} · confidence ${a.confidence.toFixed(2)} `},
        el("a", {href: a.url, target: "_blank", rel: "noopener", text: "preview ↗"})));
    item.addEventListener("click", (event) => {
      if (event.target.tagName === "A") return;
      select(a.first, true);
    });
    list.append(item);
  }
}

function drawFixes() {
  const list = $("fixes");
  list.replaceChildren();
  if (!state.corrections.length) list.append(el("li", {class: "none", text: "none yet"}));
  for (const fix of state.corrections) {
    const undo = el("button", {type: "button", text: "undo", title: `remove the fix on line ${fix.line}`});
    undo.addEventListener("click", () => call("/api/remove", {index: fix.index}));
    list.append(el("li", {"data-line": String(fix.line)}, el("span", {text: fix.what}), undo));
  }
}

function drawChecks() {
  const list = $("checks");
  list.replaceChildren();
  $("check-count").textContent = String(state.to_check.length);
  for (const item of state.to_check) {
    const entry = el("li", {"data-line": String(item.lines[0])},
      el("span", {class: "sub", text: `lines ${item.lines.join(", ")} · doubt ${item.doubt.toFixed(2)}: `}),
      el("span", {text: item.what}));
    entry.addEventListener("click", () => select(item.lines[0], true));
    list.append(entry);
  }
}

function draw() {
  $("dump").textContent = state.dump;
  $("file").textContent = state.file;
  $("timing").textContent = `cut in ${Math.round(state.seconds * 1000)} ms`;
  drawLines();
  drawArticles();
  drawChecks();
  drawFixes();
  drawTools();
}

function drawTools() {
  $("selected").textContent = selected === null ? "—" : String(selected);
  for (const button of document.querySelectorAll("#tools button[data-fix], #tools button[data-role], #tools button[data-edit]"))
    button.disabled = selected === null;
}

function select(n, scroll = false) {
  if (!lineOf(n)) return;
  selected = n;
  closeEditor();
  for (const row of document.querySelectorAll(".line.selected")) row.classList.remove("selected");
  const row = document.querySelector(`.line[data-n="${n}"]`);
  if (row) {
    row.classList.add("selected");
    if (scroll) row.scrollIntoView({block: "center"});
    else row.scrollIntoView({block: "nearest"});
  }
  drawTools();
}

function move(step) {
  const numbers = state.lines.map((line) => line.n);
  const at = numbers.indexOf(selected);
  const next = at < 0 ? numbers[0] : numbers[Math.min(numbers.length - 1, Math.max(0, at + step))];
  select(next);
}

function fix(action, value = true) {
  if (selected === null) return;
  call("/api/fix", {line: selected, action, value});
}

// The smallest replace that turns ``before`` into ``after``, its old text unique in the line,
// so that the corrections file says what changed (["科研单", "科研单位"]) and not the whole line.
function smallestReplace(before, after) {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start
         && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  let old = before.slice(start, before.length - end), now = after.slice(start, after.length - end);
  while ((!old || before.indexOf(old) !== start) && (start > 0 || end > 0)) {
    if (start > 0) { start--; old = before[start] + old; now = after[start] + now; }
    else { end--; old += before[before.length - 1 - end]; now += before[before.length - 1 - end]; }
  }
  return [old, now];
}

function openEditor(kind) {
  if (selected === null) return;
  const line = lineOf(selected);
  const article = articleOf(selected);
  if (kind === "title" && !article) { showError(`line ${selected} is in no article`); return; }
  editing = kind;
  $("edit-label").textContent = kind === "text" ? `Text of line ${selected}`
    : `Title of the article that begins at line ${article.first}`;
  const input = $("edit-input");
  input.value = kind === "text" ? line.text : (article.title || "");
  $("editor").hidden = false;
  input.focus();
  input.select();
}

function closeEditor() {
  editing = null;
  $("editor").hidden = true;
}

function saveEditor(event) {
  event.preventDefault();
  const value = $("edit-input").value;
  if (editing === "text") {
    const line = lineOf(selected);
    if (value !== line.text) call("/api/fix", {line: selected, action: "replace", value: smallestReplace(line.text, value)});
  } else if (editing === "title") {
    const article = articleOf(selected);
    if (value.trim() && value !== article.title) call("/api/fix", {line: article.first, action: "title", value: value.trim()});
  }
  closeEditor();
}

function onKey(event) {
  if (event.target.tagName === "INPUT") {
    if (event.key === "Escape") closeEditor();
    return;
  }
  if (event.ctrlKey || event.metaKey || event.altKey) {
    if (event.key === "z" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); call("/api/undo", {}); }
    return;
  }
  const key = event.key;
  if (key === "ArrowDown" || key === "ArrowUp") { event.preventDefault(); move(key === "ArrowDown" ? 1 : -1); }
  else if (key === "n") fix("start");
  else if (key === "j") fix("join");
  else if (key === "e") { event.preventDefault(); openEditor("text"); }
  else if (key === "i") { event.preventDefault(); openEditor("title"); }
  else if (key === "u") call("/api/undo", {});
  else if (key === "Escape") { selected = null; draw(); }
  else if (KEY_ROLE[key]) fix("role", KEY_ROLE[key]);
}

function setUp() {
  const roles = document.querySelector("#tools .roles");
  for (const [role, key] of ROLES) {
    const button = el("button", {type: "button", "data-role": role}, role + " ", el("kbd", {text: key}));
    button.addEventListener("click", () => fix("role", role));
    roles.append(button);
  }
  for (const button of document.querySelectorAll("#tools button[data-fix]"))
    button.addEventListener("click", () => fix(button.dataset.fix));
  for (const button of document.querySelectorAll("#tools button[data-edit]"))
    button.addEventListener("click", () => openEditor(button.dataset.edit));
  $("undo").addEventListener("click", () => call("/api/undo", {}));
  $("editor").addEventListener("submit", saveEditor);
  $("edit-cancel").addEventListener("click", closeEditor);
  document.addEventListener("keydown", onKey);
  call("/api/page").then((ok) => {
    const asked = /^#(\d+)$/.exec(location.hash);   // review/#91 opens on line 91
    if (ok && asked) select(Number(asked[1]), true);
  });
}

setUp();
