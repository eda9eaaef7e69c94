/* Newspaper archive: the front page's date picker. The page lists every issue by month
   (ul.na-picker-months, links with data-date): that list is the data, and what a reader
   without scripts uses. This draws it as a month calendar instead, with buttons to the
   months before and after that have issues. No request is made: it works on any static host.
   Text from the page is only ever put back as text nodes. */
(function () {
  "use strict";

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function setUp(picker) {
    var list = picker.querySelector(".na-picker-months");
    if (!list) return;
    var issues = {};                       // "2025-12-15" → the issue's link
    picker.querySelectorAll("a[data-date]").forEach(function (a) {
      if (!issues[a.dataset.date]) issues[a.dataset.date] = a;
    });
    var months = Array.from(list.querySelectorAll("li[data-month]")).map(function (li) {
      var label = li.querySelector(".na-picker-month");
      return { id: li.dataset.month, label: label ? label.textContent : li.dataset.month };
    }).sort(function (a, b) { return a.id < b.id ? -1 : a.id > b.id ? 1 : 0; });   // oldest first
    if (!months.length) return;
    var current = picker.dataset.current || "";
    var at = months.findIndex(function (m) { return m.id === current.slice(0, 7); });
    if (at < 0) at = months.length - 1;
    var weekdays = (picker.dataset.weekdays || "").split(",");

    var box = el("div", "na-calendar");
    var head = el("div", "na-calendar-head");
    var prev = el("button", "na-calendar-prev", "‹");
    var next = el("button", "na-calendar-next", "›");
    var title = el("span", "na-calendar-title");
    prev.type = next.type = "button";
    prev.setAttribute("aria-label", picker.dataset.prevMonth || "");
    next.setAttribute("aria-label", picker.dataset.nextMonth || "");
    title.setAttribute("aria-live", "polite");
    head.append(prev, title, next);
    var grid = el("table", "na-calendar-grid");
    box.append(head, grid);

    function draw() {
      var month = months[at];
      var year = +month.id.slice(0, 4), mon = +month.id.slice(5, 7);
      title.textContent = month.label;
      prev.disabled = at === 0;
      next.disabled = at === months.length - 1;
      grid.textContent = "";
      var row = el("tr");
      weekdays.forEach(function (w) { var th = el("th", "", w); th.scope = "col"; row.append(th); });
      var thead = el("thead"); thead.append(row); grid.append(thead);
      var body = el("tbody"); grid.append(body);
      var first = new Date(Date.UTC(year, mon - 1, 1)).getUTCDay();     // 0 = Sunday
      var blanks = (first + 6) % 7;                                      // weeks start on Monday
      var days = new Date(Date.UTC(year, mon, 0)).getUTCDate();
      row = el("tr");
      for (var i = 0; i < blanks; i++) row.append(el("td"));
      for (var d = 1; d <= days; d++) {
        if (row.children.length === 7) { body.append(row); row = el("tr"); }
        var iso = month.id + "-" + (d < 10 ? "0" : "") + d;
        var td = el("td");
        var issue = issues[iso];
        if (issue) {
          var a = el("a", "na-calendar-issue", String(d));
          a.href = issue.getAttribute("href");
          a.title = issue.title;
          a.setAttribute("aria-label", issue.title);
          if (iso === current) a.setAttribute("aria-current", "date");
          td.append(a);
        } else {
          td.append(el("span", "na-calendar-day", String(d)));
        }
        row.append(td);
      }
      while (row.children.length < 7) row.append(el("td"));
      body.append(row);
    }
    prev.addEventListener("click", function () { if (at > 0) { at--; draw(); } });
    next.addEventListener("click", function () { if (at < months.length - 1) { at++; draw(); } });
    draw();
    list.hidden = true;
    list.after(box);
  }

  document.querySelectorAll("[data-na-picker]").forEach(setUp);
})();
