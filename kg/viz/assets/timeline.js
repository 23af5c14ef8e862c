/* kg timeline: events on a time axis, drawn as SVG without any library. Reads #kg-data (see
   kg/viz/timeline.py). One lane per event type; colour = type; marker = status (happened filled,
   planned hollow and dashed, canceled faded and crossed out); a year- or month-precise date also
   gets a bar over its whole year or month. Wheel to zoom, drag to pan; click for details. */
(function () {
  "use strict";
  var el = kgDom.el, svg = kgDom.svg, clear = kgDom.clear;
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var host = document.getElementById("kg-timeline");
  var tooltip = document.getElementById("kg-tooltip");
  var panel = document.getElementById("kg-details");
  var list = document.getElementById("kg-list");
  var search = document.getElementById("kg-search");
  var results = document.getElementById("kg-results");
  var filterBox = document.getElementById("kg-filter");
  var LEFT = 120, RIGHT = 24, AXIS = 30, ROW = 22, LANE_PAD = 10, MIN_GAP = 18;

  var colors = {};
  data.types.forEach(function (t) { colors[t.name] = t.color; });
  var events = data.events;
  var dated = events.filter(function (e) { return !!e.date; });
  var lanes = data.types.filter(function (t) { return dated.some(function (e) { return e.type === t.name; }); }).map(function (t) { return t.name; });
  var view = { from: data.start, to: data.end };
  var selected = null, visibleIds = null, filterLabel = "";

  window.kg = { ready: false, eventCount: events.length, select: select, filterParticipant: filterParticipant };
  document.getElementById("kg-title").textContent = data.title || "";
  document.getElementById("kg-summary").textContent = data.summary || "";

  /* ---- time arithmetic: dates as fractional years ---- */
  function yearFraction(y, m, d) {
    var start = Date.UTC(y, 0, 1), end = Date.UTC(y + 1, 0, 1);
    return y + (Date.UTC(y, m, d) - start) / (end - start);
  }
  function span(e) {
    var p = e.date.split("-").map(Number);
    if (p.length === 1) return [p[0], p[0] + 1];
    if (p.length === 2) return [yearFraction(p[0], p[1] - 1, 1), p[1] === 12 ? p[0] + 1 : yearFraction(p[0], p[1], 1)];
    var t = yearFraction(p[0], p[1] - 1, p[2]);
    return [t, t + 1 / 365.25];
  }
  dated.forEach(function (e) { e.span = span(e); e.t = (e.span[0] + e.span[1]) / 2; });
  var today = (function () { var p = data.today.split("-").map(Number); return yearFraction(p[0], p[1] - 1, p[2]); })();

  /* ---- legend ---- */
  (function legend() {
    var box = document.getElementById("kg-legend");
    data.types.forEach(function (t) {
      box.appendChild(el("span", { class: "kg-item" }, [kgDom.swatch("dot", t.color, 12), el("span", { text: t.name + " " + t.count })]));
    });
    data.statuses.forEach(function (s) {
      var sample = svg("svg", { width: 16, height: 16, "aria-hidden": "true" }, marker("#777", s.name, 8, 8, 6));
      box.appendChild(el("span", { class: "kg-item" }, [sample, el("span", { text: s.label + " " + s.count })]));
    });
  })();

  /* A status marker: happened filled, planned hollow dashed, canceled faded and crossed out. */
  function marker(color, status, x, y, r) {
    var g = svg("g");
    if (status === "planned") {
      g.appendChild(svg("circle", { class: "kg-mark", cx: x, cy: y, r: r, fill: "#fff", stroke: color, "stroke-width": 2.5, "stroke-dasharray": "3 2" }));
    } else if (status === "canceled") {
      g.appendChild(svg("circle", { class: "kg-mark", cx: x, cy: y, r: r, fill: color, "fill-opacity": 0.3, stroke: color, "stroke-opacity": 0.6, "stroke-width": 1 }));
      var d = r * 0.9;
      g.appendChild(svg("path", { d: "M" + (x - d) + " " + (y - d) + "L" + (x + d) + " " + (y + d) + "M" + (x - d) + " " + (y + d) + "L" + (x + d) + " " + (y - d), stroke: "#222", "stroke-width": 1.8 }));
    } else {
      g.appendChild(svg("circle", { class: "kg-mark", cx: x, cy: y, r: r, fill: color, stroke: "#222", "stroke-width": 1 }));
    }
    return g;
  }

  /* ---- drawing ---- */
  function ticks(px) {
    var years = view.to - view.from, perYear = px / years, out = [];
    if (perYear > 500) {
      for (var m = Math.floor(view.from * 12); m <= Math.ceil(view.to * 12); m++) {
        var y = Math.floor(m / 12), mo = m - y * 12;
        out.push({ t: yearFraction(y, mo, 1), label: mo === 0 ? String(y) : y + "-" + String(mo + 1).padStart(2, "0"), major: mo === 0 });
      }
      return out;
    }
    var step = [1, 2, 5, 10, 20, 50].find(function (s) { return s * perYear >= 56; }) || 100;
    for (var yr = Math.ceil(view.from / step) * step; yr <= view.to; yr += step) out.push({ t: yr, label: String(yr), major: true });
    return out;
  }

  function draw() {
    var width = Math.max(host.clientWidth, 480), px = width - LEFT - RIGHT;
    function x(t) { return LEFT + (t - view.from) / (view.to - view.from) * px; }
    clear(host);
    if (!events.length) {
      host.appendChild(el("div", { class: "kg-empty", text: data.empty || "No events." }));
      return;
    }
    /* rows inside each lane: greedy, so markers closer than MIN_GAP pixels stack */
    var laneRows = {}, y = AXIS + 6, laneTop = {};
    lanes.forEach(function (lane) {
      var rowsEnd = [];
      dated.filter(function (e) { return e.type === lane; }).sort(function (a, b) { return a.t - b.t; }).forEach(function (e) {
        var px0 = x(e.t), r = rowsEnd.findIndex(function (end) { return end + MIN_GAP <= px0; });
        if (r < 0) { r = rowsEnd.length; rowsEnd.push(px0); } else rowsEnd[r] = px0;
        e.row = r;
      });
      laneRows[lane] = Math.max(1, rowsEnd.length);
      laneTop[lane] = y;
      y += laneRows[lane] * ROW + LANE_PAD;
    });
    var height = y + 8;
    var root = svg("svg", { width: width, height: height, role: "img", "aria-label": "Timeline of " + dated.length + " dated events" });
    root.appendChild(svg("defs", {}, svg("clipPath", { id: "kg-plot" }, svg("rect", { x: LEFT, y: 0, width: px, height: height }))));
    lanes.forEach(function (lane, i) {
      root.appendChild(svg("rect", { x: 0, y: laneTop[lane] - LANE_PAD / 2, width: width, height: laneRows[lane] * ROW + LANE_PAD, fill: i % 2 ? "#fff" : "#f5f7fa" }));
      root.appendChild(svg("text", { class: "kg-lane-label", x: 10, y: laneTop[lane] + ROW / 2 + 4, text: lane }));
    });
    var plot = svg("g", { "clip-path": "url(#kg-plot)" });
    root.appendChild(plot);
    ticks(px).forEach(function (tk) {
      var tx = x(tk.t);
      if (tx < LEFT - 1 || tx > width - RIGHT + 1) return;
      plot.appendChild(svg("line", { x1: tx, x2: tx, y1: AXIS - 6, y2: height, stroke: tk.major ? "#d5dbe3" : "#eceff3" }));
      root.appendChild(svg("g", { class: "kg-tick" }, svg("text", { x: tx, y: AXIS - 10, "text-anchor": "middle", text: tk.label })));
    });
    root.appendChild(svg("line", { x1: LEFT, x2: width - RIGHT, y1: AXIS - 6, y2: AXIS - 6, stroke: "#888" }));
    if (today >= view.from && today <= view.to) {
      plot.appendChild(svg("line", { x1: x(today), x2: x(today), y1: AXIS - 6, y2: height, stroke: "#c0392b", "stroke-dasharray": "4 3" }));
      plot.appendChild(svg("text", { x: x(today) - 4, y: AXIS + 6, "text-anchor": "end", fill: "#c0392b", "font-size": 11, text: "today" }));
    }
    var drawn = 0;
    dated.forEach(function (e) {
      var color = colors[e.type] || "#7f7f7f";
      var cy = laneTop[e.type] + e.row * ROW + ROW / 2;
      var g = svg("g", { class: "kg-event", "data-id": e.id, tabindex: 0, role: "button", "aria-label": e.label });
      if (e.precision !== "day") {
        var x0 = x(e.span[0]), x1 = x(e.span[1]);
        g.appendChild(svg("rect", { x: x0, y: cy - 3, width: Math.max(2, x1 - x0), height: 6, rx: 3, fill: color, "fill-opacity": 0.28 }));
      }
      g.appendChild(marker(color, e.status, x(e.t), cy, 7));
      if (visibleIds && !visibleIds[e.id]) g.classList.add("kg-dim");
      if (selected === e.id) g.classList.add("kg-selected");
      g.addEventListener("mouseenter", function (ev) { showTooltip(e, ev); });
      g.addEventListener("mousemove", function (ev) { placeTooltip(ev); });
      g.addEventListener("mouseleave", hideTooltip);
      g.addEventListener("click", function (ev) { ev.stopPropagation(); select(e.id); });
      g.addEventListener("keydown", function (ev) { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); select(e.id); } });
      plot.appendChild(g);
      drawn++;
    });
    host.appendChild(root);
    window.kg.markerCount = drawn;
  }

  /* ---- tooltip ---- */
  function when(e) {
    return e.date ? e.date + (e.precision === "day" ? "" : " (" + e.precision + ")") : "undated";
  }
  function showTooltip(e, ev) {
    clear(tooltip);
    tooltip.appendChild(el("div", {}, [el("strong", { text: e.label })]));
    tooltip.appendChild(el("div", { class: "kg-meta", text: e.type + " · " + e.status + " · " + when(e) + (e.place ? " · " + e.place : "") }));
    if (e.participants.length) tooltip.appendChild(el("div", { text: "With: " + e.participants.slice(0, 6).join(", ") + (e.participants.length > 6 ? " …" : "") }));
    if (e.evidence.length) kgDom.evidence(e.evidence[0]).forEach(function (n) { if (n) tooltip.appendChild(n); });
    tooltip.appendChild(el("div", { class: "kg-more", text: "Click for details." }));
    tooltip.hidden = false;
    placeTooltip(ev);
  }
  function placeTooltip(ev) {
    var pane = tooltip.parentNode.getBoundingClientRect();
    var x = ev.clientX - pane.left + 14, y = ev.clientY - pane.top + tooltip.parentNode.scrollTop + 14;
    if (x + tooltip.offsetWidth > pane.width) x = Math.max(4, ev.clientX - pane.left - tooltip.offsetWidth - 14);
    tooltip.style.left = x + "px";
    tooltip.style.top = y + "px";
  }
  function hideTooltip() { tooltip.hidden = true; }

  /* ---- details ---- */
  function select(id) {
    var e = events[id];
    if (!e) return false;
    selected = id;
    if (e.date && (e.t < view.from || e.t > view.to)) {
      var w = view.to - view.from;
      view.from = e.t - w / 2;
      view.to = e.t + w / 2;
    }
    draw();
    clear(panel);
    panel.appendChild(el("button", { class: "kg-close", title: "Close", "aria-label": "Close", text: "×", onclick: function () { panel.hidden = true; } }));
    panel.appendChild(el("h2", { class: "kg-status-" + e.status, text: e.label }));
    panel.appendChild(el("div", {}, [
      el("span", { class: "kg-chip", style: "background:" + (colors[e.type] || "#7f7f7f"), text: e.type }),
      el("span", { class: "kg-chip", style: "background:#555", text: e.status })
    ]));
    panel.appendChild(el("div", { class: "kg-meta", text: "When: " + when(e) }));
    if (e.place) panel.appendChild(el("div", { class: "kg-meta", text: "Where: " + e.place }));
    panel.appendChild(el("h3", { text: "Participants (" + e.participants.length + ")" }));
    var people = el("ul", { class: "kg-participants" });
    e.participants.forEach(function (name) {
      people.appendChild(el("li", {}, [el("button", { class: "kg-link", title: "Show only the events of " + name, text: name, onclick: function () { filterParticipant(name); } })]));
    });
    if (!e.participants.length) people.appendChild(el("li", { text: "none named" }));
    panel.appendChild(people);
    panel.appendChild(el("h3", { text: "Evidence" }));
    e.evidence.forEach(function (ev) { kgDom.evidence(ev).forEach(function (n) { if (n) panel.appendChild(n); }); });
    if (!e.evidence.length) panel.appendChild(el("div", { class: "kg-meta", text: "Documents: " + e.documents.join(", ") }));
    panel.appendChild(el("div", { class: "kg-meta", text: e.iri }));
    panel.hidden = false;
    panel.scrollTop = 0;
    return true;
  }

  /* ---- filtering: by a participant, or by the search box ---- */
  function applyFilter(ids, label) {
    visibleIds = ids;
    filterLabel = label;
    clear(filterBox);
    if (ids) {
      filterBox.appendChild(document.createTextNode(label + " "));
      filterBox.appendChild(el("button", { class: "kg-link", text: "show all", onclick: function () { search.value = ""; applyFilter(null, ""); } }));
    }
    filterBox.hidden = !ids;
    Array.prototype.forEach.call(list.children, function (li) {
      li.classList.toggle("kg-dim", !!ids && !ids[li.getAttribute("data-id")]);
    });
    draw();
  }
  function filterParticipant(name) {
    var ids = {}, n = 0;
    events.forEach(function (e) { if (e.participants.indexOf(name) >= 0) { ids[e.id] = true; n++; } });
    applyFilter(ids, n + " event" + (n === 1 ? "" : "s") + " with " + name + ".");
    return n;
  }
  function matching(q) {
    return events.filter(function (e) {
      return [e.label, e.type, e.status, e.place, e.date].concat(e.participants).some(function (s) { return (s || "").toLowerCase().indexOf(q) >= 0; });
    });
  }
  var found = [];
  search.addEventListener("input", function () {
    var q = search.value.trim().toLowerCase();
    clear(results);
    if (!q) { found = []; applyFilter(null, ""); return; }
    found = matching(q);
    var ids = {};
    found.forEach(function (e) { ids[e.id] = true; });
    applyFilter(ids, found.length + " event" + (found.length === 1 ? "" : "s") + " match “" + search.value.trim() + "”.");
    if (!found.length) results.appendChild(el("li", { text: "No match" }));
    found.slice(0, 30).forEach(function (e) {
      results.appendChild(el("li", { onmousedown: function (ev) { ev.preventDefault(); select(e.id); clear(results); } },
        [el("span", { text: e.label }), el("span", { class: "kg-type", text: when(e) })]));
    });
  });
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && found.length) { ev.preventDefault(); select(found[0].id); clear(results); }
    if (ev.key === "Escape") clear(results);
  });
  search.addEventListener("blur", function () { clear(results); });

  /* ---- the list of all events (also the only place undated ones appear) ---- */
  events.forEach(function (e) {
    list.appendChild(el("li", { "data-id": e.id }, [
      el("span", { class: "kg-when", text: when(e) }),
      el("button", { class: "kg-link kg-status-" + e.status, text: e.label, onclick: function () { select(e.id); } }),
      el("span", { class: "kg-meta", text: " " + e.type + ", " + e.status + (e.participants.length ? "; " + e.participants.join(", ") : "") })
    ]));
  });
  document.getElementById("kg-list-title").textContent = "All events (" + events.length + ", " + (events.length - dated.length) + " undated)";

  /* ---- zoom and pan ---- */
  function zoom(factor, at) {
    var full = data.end - data.start, w = Math.min(full, Math.max(1 / 12, (view.to - view.from) * factor));
    at = at === undefined ? (view.from + view.to) / 2 : at;
    var ratio = (at - view.from) / (view.to - view.from);
    view.from = at - ratio * w;
    view.to = view.from + w;
    draw();
  }
  function timeAt(clientX) {
    var box = host.getBoundingClientRect(), px = box.width - LEFT - RIGHT;
    return view.from + (clientX - box.left - LEFT) / px * (view.to - view.from);
  }
  host.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    hideTooltip();
    zoom(ev.deltaY > 0 ? 1.25 : 0.8, timeAt(ev.clientX));
  }, { passive: false });
  var drag = null;
  host.addEventListener("pointerdown", function (ev) {
    if (ev.target.closest && ev.target.closest(".kg-event")) return;
    drag = { x: ev.clientX, from: view.from, to: view.to };
  });
  window.addEventListener("pointermove", function (ev) {
    if (!drag) return;
    var box = host.getBoundingClientRect(), px = box.width - LEFT - RIGHT;
    var dt = (ev.clientX - drag.x) / px * (drag.to - drag.from);
    view.from = drag.from - dt;
    view.to = drag.to - dt;
    draw();
  });
  window.addEventListener("pointerup", function () { drag = null; });
  document.getElementById("kg-zoom-in").addEventListener("click", function () { zoom(0.5); });
  document.getElementById("kg-zoom-out").addEventListener("click", function () { zoom(2); });
  document.getElementById("kg-zoom-reset").addEventListener("click", function () { view.from = data.start; view.to = data.end; draw(); });
  window.addEventListener("resize", draw);

  draw();
  window.kg.ready = true;
})();
