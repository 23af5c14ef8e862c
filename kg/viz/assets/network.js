/* kg viz: the entity network. Reads #kg-data (see kg/viz/network.py for its shape), draws it with
   vis-network at the precomputed positions (no physics), and adds a legend with type filters, a
   search box, hover tooltips and a details panel. Tooltips are our own DOM built with textContent:
   vis-network's `title` tooltips would parse strings as HTML, so nodes carry no `title`. */
(function () {
  "use strict";
  var started = performance.now();
  var el = kgDom.el, clear = kgDom.clear;
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var parsed = performance.now();
  var container = document.getElementById("kg-network");
  var tooltip = document.getElementById("kg-tooltip");
  var panel = document.getElementById("kg-details");
  var search = document.getElementById("kg-search");
  var results = document.getElementById("kg-results");
  var TOOLTIP_FACTS = 4;

  var classes = {};
  data.classes.forEach(function (c) { classes[c.name] = c; });
  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; n.edges = []; });
  data.edges.forEach(function (e) {
    if (byId[e.from]) byId[e.from].edges.push(e);
    if (e.to !== e.from && byId[e.to]) byId[e.to].edges.push(e);
  });
  /* Big graphs: straight, unlabelled edges without arrows, hidden while dragging. Edge labels
     cost about 1 s of painting per 3,000 edges, so above LABELLED_EDGES the relation shows on
     hover and in the details panel only. */
  var LABELLED_EDGES = 1000;
  var big = data.nodes.length > 1500 || data.edges.length > 4000;
  var labelled = data.edges.length <= LABELLED_EDGES;

  window.kg = { ready: false, drawMs: null, nodeCount: data.nodes.length, edgeCount: data.edges.length, timings: { script: started, parsed: parsed } };

  document.getElementById("kg-title").textContent = data.title || "";
  document.getElementById("kg-summary").textContent = data.summary || "";
  buildLegend();

  if (!data.nodes.length) {
    container.appendChild(el("div", { class: "kg-empty", text: data.empty || "Nothing to show." }));
    window.kg.ready = true;
    return;
  }

  function shortLabel(text) {
    return text.length > 36 ? text.slice(0, 34) + "…" : text;
  }

  /* Parallel edges between the same two nodes get different curvature, so each label shows. */
  /* Per-item options are costly in vis-network (each is merged into the defaults), so the look
     of a class lives in `groups` and the look of edges in the global options; items carry only
     what differs. Parallel edges between the same two nodes get different curvature. */
  var pairCount = {};
  var visEdges = data.edges.map(function (e) {
    var item = { id: e.id, from: e.from, to: e.to };
    if (!big) {
      if (labelled) item.label = e.label;
      var pair = e.from < e.to ? e.from + "|" + e.to : e.to + "|" + e.from;
      var k = pairCount[pair] = (pairCount[pair] || 0) + 1;
      if (k > 1 || e.from === e.to) item.smooth = { enabled: true, type: k % 2 ? "curvedCW" : "curvedCCW", roundness: 0.12 * Math.ceil(k / 2) + 0.08 };
      if (!e.directed) item.arrows = { to: { enabled: false } };
    }
    return item;
  });
  var visNodes = data.nodes.map(function (n) {
    return { id: n.id, label: shortLabel(n.label), x: n.x, y: n.y, group: n.type, size: n.size };
  });
  var groups = {};
  data.classes.forEach(function (c) {
    groups[c.name] = {
      shape: c.shape,
      color: { background: c.color, border: "#333", highlight: { background: c.color, border: "#000" }, hover: { background: c.color, border: "#000" } }
    };
  });
  var nodes = new vis.DataSet(visNodes);
  var edges = new vis.DataSet(visEdges);
  window.kg.timings.datasets = performance.now();
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, {
    autoResize: true,
    physics: { enabled: false },
    layout: { improvedLayout: false, randomSeed: 7 },
    groups: groups,
    nodes: {
      borderWidth: 1, borderWidthSelected: 3,
      font: { size: 14, color: "#111", strokeWidth: 4, strokeColor: "#ffffff" },
      scaling: { label: { drawThreshold: 6 } }
    },
    edges: {
      width: 1, selectionWidth: 2, hoverWidth: 0.5, smooth: false,
      arrows: { to: { enabled: !big, scaleFactor: 0.5 } },
      color: { color: "#9aa5b1", highlight: "#1f4e8c", hover: "#1f4e8c", opacity: 0.85 },
      font: { size: 10, color: "#444", strokeWidth: 3, strokeColor: "#fff", align: "middle" }
    },
    interaction: {
      hover: true, tooltipDelay: 120, hideEdgesOnDrag: big, hideEdgesOnZoom: big,
      navigationButtons: false, keyboard: { enabled: true, bindToWindow: false }, multiselect: false
    }
  });
  window.kg.timings.built = performance.now();
  window.kg.network = network;
  window.kg.nodes = nodes;
  window.kg.edges = edges;
  window.kg.select = select;

  /* Ready once the first drawing has been painted: two animation frames after vis-network's
     first afterDrawing (tests wait for `kg.ready`; bench/viz_bench.py reads `kg.drawMs`). */
  network.once("afterDrawing", function () {
    window.kg.timings.drawn = performance.now();
    requestAnimationFrame(function () {
      requestAnimationFrame(function () {
        window.kg.drawMs = performance.now();
        window.kg.ready = true;
      });
    });
  });

  /* ---- tooltips ---- */
  /* The facts about a node: every fact of every edge it is an end of, with the other end. */
  function factsOf(node) {
    var facts = (node.facts || []).map(function (f) { return { text: f.text, evidence: f.evidence || [], other: null }; });
    node.edges.forEach(function (e) {
      var other = e.from === node.id ? e.to : e.from;
      e.facts.forEach(function (f) { facts.push({ text: f.text, evidence: f.evidence || [], other: other }); });
    });
    return facts;
  }

  function chip(type) {
    var c = classes[type] || { color: "#7f7f7f" };
    return el("span", { class: "kg-chip", style: "background:" + c.color, text: type });
  }

  /* Distinct evidence sentences of some facts, in order. */
  function distinctEvidence(facts) {
    var seen = {}, out = [];
    facts.forEach(function (f) {
      f.evidence.forEach(function (ev) {
        var key = ev.document + "\u0000" + ev.sentence;
        if (!seen[key]) { seen[key] = true; out.push(ev); }
      });
    });
    return out;
  }

  function nodeTooltip(node) {
    var facts = factsOf(node);
    var box = [el("div", {}, [el("strong", { text: node.label }), " ", chip(node.type)])];
    (node.meta || []).forEach(function (m) { box.push(el("div", { class: "kg-meta", text: m })); });
    var shown = facts.slice(0, TOOLTIP_FACTS);
    shown.forEach(function (f) { box.push(el("div", { class: "kg-fact-head", text: f.text })); });
    distinctEvidence(shown).slice(0, 2).forEach(function (ev) { box = box.concat(kgDom.evidence(ev)); });
    var more = facts.length - TOOLTIP_FACTS;
    box.push(el("div", { class: "kg-more", text: (more > 0 ? "+ " + more + " more facts. " : facts.length ? "" : "No facts beyond mentions. ") + "Click for details." }));
    return box;
  }

  function edgeFacts(e, limit) {
    var box = [];
    e.facts.slice(0, limit).forEach(function (f) {
      box.push(el("div", { class: "kg-fact-head", text: f.text }));
      (f.evidence || []).forEach(function (ev) { box = box.concat(kgDom.evidence(ev)); });
    });
    if (e.facts.length > limit) box.push(el("div", { class: "kg-more", text: "+ " + (e.facts.length - limit) + " more. Click for details." }));
    return box;
  }

  function showTooltip(children, pointer) {
    clear(tooltip);
    children.forEach(function (c) { if (c) tooltip.appendChild(c); });
    tooltip.hidden = false;
    var box = container.getBoundingClientRect();
    var x = pointer.x + 14, y = pointer.y + 14;
    var w = tooltip.offsetWidth, h = tooltip.offsetHeight;
    if (x + w > box.width) x = Math.max(4, pointer.x - w - 14);
    if (y + h > box.height) y = Math.max(4, box.height - h - 4);
    tooltip.style.left = x + "px";
    tooltip.style.top = y + "px";
  }

  function hideTooltip() { tooltip.hidden = true; }

  network.on("hoverNode", function (p) { showTooltip(nodeTooltip(byId[p.node]), p.pointer.DOM); });
  network.on("blurNode", hideTooltip);
  network.on("hoverEdge", function (p) {
    var e = data.edges[p.edge];
    if (e) showTooltip(edgeFacts(e, 3), p.pointer.DOM);
  });
  network.on("blurEdge", hideTooltip);
  network.on("dragStart", hideTooltip);
  network.on("zoom", hideTooltip);

  /* ---- details panel ---- */
  function select(id) {
    var node = byId[id];
    if (!node) return false;
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    showDetails(node);
    return true;
  }

  function closeButton() {
    return el("button", { class: "kg-close", title: "Close", "aria-label": "Close", text: "×", onclick: function () { panel.hidden = true; } });
  }

  function showDetails(node) {
    clear(panel);
    panel.appendChild(closeButton());
    panel.appendChild(el("h2", { text: node.label }));
    panel.appendChild(el("div", {}, [chip(node.type)]));
    if (node.aliases && node.aliases.length) panel.appendChild(el("div", { class: "kg-meta", text: "Also: " + node.aliases.join(", ") }));
    (node.meta || []).forEach(function (m) { panel.appendChild(el("div", { class: "kg-meta", text: m })); });
    panel.appendChild(el("div", { class: "kg-meta", text: node.iri }));
    var facts = factsOf(node);
    panel.appendChild(el("h3", { text: facts.length + " fact" + (facts.length === 1 ? "" : "s") }));
    var list = el("ul", { class: "kg-facts" });
    facts.forEach(function (f) {
      var item = el("li", {}, [el("div", { class: "kg-fact-head", text: f.text })]);
      f.evidence.forEach(function (ev) { kgDom.evidence(ev).forEach(function (n) { if (n) item.appendChild(n); }); });
      var other = byId[f.other];
      if (other && other.id !== node.id) {
        item.appendChild(el("div", { class: "kg-source" }, ["Go to ", el("button", { class: "kg-link", text: other.label, onclick: function () { select(other.id); } })]));
      }
      list.appendChild(item);
    });
    panel.appendChild(list);
    panel.hidden = false;
    panel.scrollTop = 0;
  }

  network.on("click", function (p) {
    hideTooltip();
    if (p.nodes.length) showDetails(byId[p.nodes[0]]);
    else if (p.edges.length) {
      var e = data.edges[p.edges[0]];
      clear(panel);
      panel.appendChild(closeButton());
      panel.appendChild(el("h2", { text: (byId[e.from] || {}).label + " — " + e.label + " — " + (byId[e.to] || {}).label }));
      edgeFacts(e, e.facts.length).forEach(function (n) { if (n) panel.appendChild(n); });
      panel.hidden = false;
      panel.scrollTop = 0;
    }
  });

  /* ---- search ---- */
  var matches = [], active = 0;
  function runSearch() {
    var q = search.value.trim().toLowerCase();
    clear(results);
    matches = [];
    active = 0;
    if (!q) return;
    for (var i = 0; i < data.nodes.length && matches.length < 30; i++) {
      var n = data.nodes[i];
      if (hidden[n.type]) continue;
      var names = [n.label].concat(n.aliases || []);
      if (names.some(function (s) { return s.toLowerCase().indexOf(q) >= 0; })) matches.push(n);
    }
    matches.sort(function (a, b) {
      var pa = a.label.toLowerCase().indexOf(q) === 0 ? 0 : 1, pb = b.label.toLowerCase().indexOf(q) === 0 ? 0 : 1;
      return pa - pb || a.label.localeCompare(b.label);
    });
    if (!matches.length) {
      results.appendChild(el("li", { class: "kg-none", text: "No match" }));
      return;
    }
    matches.forEach(function (n, i) {
      results.appendChild(el("li", {
        class: i === active ? "kg-active" : null, role: "option",
        onmousedown: function (ev) { ev.preventDefault(); choose(n); }
      }, [el("span", { text: n.label }), el("span", { class: "kg-type", text: n.type })]));
    });
  }
  function choose(n) {
    select(n.id);
    clear(results);
  }
  search.addEventListener("input", runSearch);
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && matches.length) { ev.preventDefault(); choose(matches[active]); }
    else if (ev.key === "Escape") { clear(results); }
    else if ((ev.key === "ArrowDown" || ev.key === "ArrowUp") && matches.length) {
      ev.preventDefault();
      active = (active + (ev.key === "ArrowDown" ? 1 : matches.length - 1)) % matches.length;
      Array.prototype.forEach.call(results.children, function (li, i) { li.className = i === active ? "kg-active" : ""; });
    }
  });
  search.addEventListener("blur", function () { clear(results); });

  /* ---- legend and type filters ---- */
  var hidden = {};
  function buildLegend() {
    var legend = document.getElementById("kg-legend");
    legend.appendChild(el("h3", { text: "Classes" }));
    data.classes.forEach(function (c) {
      var box = el("input", { type: "checkbox", checked: true, "data-type": c.name, onchange: function () { setTypeVisible(c.name, box.checked); } });
      legend.appendChild(el("label", {}, [box, kgDom.swatch(c.shape, c.color, 14), el("span", { text: c.name }), el("span", { class: "kg-count", text: String(c.count) })]));
    });
  }
  function setTypeVisible(type, visible) {
    if (visible) delete hidden[type]; else hidden[type] = true;
    var nodeUpdates = data.nodes.filter(function (n) { return n.type === type; }).map(function (n) { return { id: n.id, hidden: !visible }; });
    nodes.update(nodeUpdates);
    edges.update(data.edges.map(function (e) {
      var a = byId[e.from], b = byId[e.to];
      return { id: e.id, hidden: !!(hidden[a.type] || hidden[b.type]) };
    }));
  }
  window.kg.setTypeVisible = function (type, visible) { setTypeVisible(type, visible); };
})();
