/* kg serve: the explorer. One page, four views chosen by the URL's hash:
     #/entity/IRI   an entity: type, Wikidata, facts with evidence, its network (a kg viz page in a frame)
     #/timeline     the timeline query, filtered by dates and type
     #/queries      a form per named query, rows as a table
     #/sparql       a SPARQL box with example queries
   Everything it shows comes from this server as JSON and reaches the page through textContent
   (kgDom.el): article text is never parsed as markup. It loads nothing from elsewhere. */
(function () {
  "use strict";
  var el = kgDom.el, clear = kgDom.clear;
  var view = document.getElementById("x-view");
  var search = document.getElementById("kg-search");
  var results = document.getElementById("kg-results");
  var state = { queries: null };
  window.kgExplorer = { view: null, ready: false };

  function done(name) {
    window.kgExplorer.view = name;
    window.kgExplorer.ready = true;
    document.body.setAttribute("data-ready", name);
  }

  function getJSON(url) {
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (r) {
      return r.text().then(function (text) {
        var data;
        try { data = JSON.parse(text); } catch (e) { data = { error: text }; }
        if (!r.ok) throw new Error(data && data.error ? data.error : r.status + " " + r.statusText);
        return data;
      });
    });
  }

  function errorBox(message) { return el("div", { class: "x-error", role: "alert", text: String(message) }); }

  function chip(type) { return el("span", { class: "kg-chip t-" + String(type).replace(/[^A-Za-z]/g, ""), text: type }); }

  function entityLink(iri, label) {
    return el("a", { href: "#/entity/" + encodeURIComponent(iri), text: label || iri });
  }

  /* ---- rows as a table ---- */
  var ENTITY_PREFIX = "https://w3id.org/usru-space/id/";
  /* A value that is an IRI of ours is a link; one that lists several ("iri; iri", the events of a
     timeline row that several articles tell) is a link to each. */
  function cell(value) {
    var parts = value.split("; ");
    if (!value || !parts.every(function (p) { return p.indexOf(ENTITY_PREFIX) === 0; })) return [value];
    var out = [];
    parts.forEach(function (p, i) { if (i) out.push("; "); out.push(entityLink(p)); });
    return out;
  }
  function table(columns, rows) {
    var wrap = el("div", { class: "x-table-wrap" });
    var head = el("tr", {}, columns.map(function (c) { return el("th", { scope: "col", text: c }); }));
    var body = el("tbody");
    rows.forEach(function (row) {
      body.appendChild(el("tr", {}, columns.map(function (c) {
        var value = row[c] === undefined || row[c] === null ? "" : String(row[c]);
        return el("td", {}, cell(value));
      })));
    });
    wrap.appendChild(el("table", { class: "x-table" }, [el("thead", {}, [head]), body]));
    wrap.appendChild(el("div", { class: "x-count", text: rows.length + " row" + (rows.length === 1 ? "" : "s") }));
    return wrap;
  }

  /* ---- search with suggestions ---- */
  var matches = [], active = 0, pending = null, asked = "";
  function showMatches(list) {
    clear(results);
    matches = list; active = 0;
    if (!search.value.trim()) return;
    if (!list.length) { results.appendChild(el("li", { class: "kg-none", text: "No match" })); return; }
    list.forEach(function (m, i) {
      results.appendChild(el("li", {
        class: i === active ? "kg-active" : null, role: "option", "data-iri": m.iri,
        onmousedown: function (ev) { ev.preventDefault(); choose(m); }
      }, [el("span", { text: m.label }), m.also ? el("span", { class: "x-search-also", text: "(" + m.also + ")" }) : null, el("span", { class: "kg-type", text: m.type })]));
    });
  }
  function runSearch() {
    var q = search.value.trim();
    if (pending) clearTimeout(pending);
    if (!q) { showMatches([]); return; }
    pending = setTimeout(function () {
      asked = q;
      getJSON("/api/search?q=" + encodeURIComponent(q)).then(function (list) {
        if (asked === q) showMatches(list);
      }).catch(function (e) { clear(results); results.appendChild(el("li", { class: "kg-none", text: e.message })); });
    }, 120);
  }
  function choose(m) {
    clear(results);
    search.blur();
    location.hash = "#/entity/" + encodeURIComponent(m.iri);
  }
  search.addEventListener("input", runSearch);
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && matches.length) { ev.preventDefault(); choose(matches[active]); }
    else if (ev.key === "Escape") clear(results);
    else if ((ev.key === "ArrowDown" || ev.key === "ArrowUp") && matches.length) {
      ev.preventDefault();
      active = (active + (ev.key === "ArrowDown" ? 1 : matches.length - 1)) % matches.length;
      Array.prototype.forEach.call(results.children, function (li, i) { li.className = i === active ? "kg-active" : ""; });
    }
  });
  search.addEventListener("blur", function () { setTimeout(function () { clear(results); }, 100); });

  /* ---- views ---- */
  function home() {
    view.appendChild(el("h2", { text: "Explore the graph" }));
    view.appendChild(el("p", { class: "x-lead", text: "Search a person, an agency, a program or a place in the box above to see what the articles say about it: posts, events, programs and quotes, each with the sentence it was read from, and its network of facts. The timeline, the named questions and a SPARQL box are in the menu." }));
    done("home");
  }

  function entity(iri) {
    view.appendChild(el("p", { class: "x-meta", text: "Loading…" }));
    getJSON("/api/entity?iri=" + encodeURIComponent(iri)).then(function (page) {
      clear(view);
      view.appendChild(el("h2", { text: page.label }));
      view.appendChild(el("div", {}, [chip(page.type)]));
      if (page.aliases.length) view.appendChild(el("div", { class: "x-meta", text: "Also named: " + page.aliases.join(", ") }));
      page.wikidata.forEach(function (w) {
        view.appendChild(el("div", { class: "x-meta" }, ["Wikidata: ", el("a", { href: w.url, rel: "noopener noreferrer", target: "_blank", text: w.id })]));
      });
      view.appendChild(el("div", { class: "x-meta", text: page.iri }));
      var frame = el("iframe", { class: "x-frame", title: "Network of " + page.label, hidden: true });
      function network(depth) {
        frame.hidden = false;
        frame.setAttribute("data-depth", String(depth));
        frame.src = "/graph?iri=" + encodeURIComponent(page.iri) + "&depth=" + depth;
      }
      view.appendChild(el("div", { class: "x-buttons" }, [
        el("button", { class: "x-button", id: "x-network-1", text: "Network: facts around it", onclick: function () { network(1); } }),
        el("button", { class: "x-button x-secondary", id: "x-network-2", text: "Network: two facts away", onclick: function () { network(2); } })
      ]));
      view.appendChild(frame);
      if (!page.sections.length) view.appendChild(el("p", { class: "x-lead", text: "The articles state no fact about it." }));
      page.sections.forEach(function (section) {
        view.appendChild(el("h3", { text: section.heading + " (" + section.facts.length + ")" }));
        var list = el("ul", { class: "x-facts", "data-kind": section.kind });
        section.facts.forEach(function (fact) {
          var item = el("li", {}, [el("div", { class: "kg-fact-head", text: fact.text })]);
          fact.evidence.forEach(function (ev) { kgDom.evidence(ev).forEach(function (n) { if (n) item.appendChild(n); }); });
          list.appendChild(item);
        });
        view.appendChild(list);
      });
      if (page.truncated) view.appendChild(el("p", { class: "x-meta", text: "This entity takes part in very many facts; the first ones are shown." }));
      done("entity");
    }).catch(function (e) { clear(view); view.appendChild(errorBox(e.message)); done("entity"); });
  }

  function withQueries(then) {
    if (state.queries) { then(state.queries); return; }
    getJSON("/queries").then(function (list) { state.queries = list; then(list); })
      .catch(function (e) { view.appendChild(errorBox(e.message)); done("error"); });
  }

  /* A form for one named query; its rows appear below it. */
  function queryForm(q, options) {
    var card = el("section", { class: "x-card", "data-query": q.name });
    if (!options || !options.bare) {
      card.appendChild(el("h3", { text: q.name }));
      card.appendChild(el("div", { class: "x-meta", text: q.question }));
    }
    var inputs = {};
    var form = el("form", { class: "x-form" });
    q.parameters.forEach(function (p) {
      var input;
      if (p.choices && p.choices.length) {
        input = el("select", { name: p.name }, [el("option", { value: "", text: "any" })].concat(p.choices.map(function (c) { return el("option", { value: c, text: c }); })));
      } else {
        input = el("input", { name: p.name, type: "text", placeholder: p.required ? "required" : "any", required: p.required });
      }
      inputs[p.name] = input;
      form.appendChild(el("label", {}, [p.name + (p.required ? " *" : ""), input]));
    });
    form.appendChild(el("button", { type: "submit", text: "Run" }));
    var out = el("div", { class: "x-out" });
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var parts = [];
      Object.keys(inputs).forEach(function (name) {
        var value = inputs[name].value.trim();
        if (value) parts.push(encodeURIComponent(name) + "=" + encodeURIComponent(value));
      });
      clear(out);
      out.appendChild(el("div", { class: "x-meta", text: "Running…" }));
      var url = "/queries/" + encodeURIComponent(q.name) + (parts.length ? "?" + parts.join("&") : "");
      getJSON(url).then(function (rows) {
        clear(out);
        var columns = rows.length ? Object.keys(rows[0]) : [];
        out.appendChild(rows.length ? table(columns, rows) : el("p", { class: "x-meta", text: "No rows." }));
        out.appendChild(el("a", { class: "x-meta", href: url + (parts.length ? "&" : "?") + "format=csv", text: "these rows as CSV" }));
        card.setAttribute("data-rows", String(rows.length));
      }).catch(function (e) { clear(out); out.appendChild(errorBox(e.message)); card.setAttribute("data-rows", "error"); });
    });
    card.appendChild(form);
    card.appendChild(out);
    return card;
  }

  function queries() {
    view.appendChild(el("h2", { text: "Named queries" }));
    view.appendChild(el("p", { class: "x-lead", text: "The questions kg answers, as `kg query` does. Values you type are bound as parameters, never pasted into the query; names compare ignoring case." }));
    withQueries(function (list) {
      list.forEach(function (q) { view.appendChild(queryForm(q)); });
      done("queries");
    });
  }

  function timeline() {
    view.appendChild(el("h2", { text: "Timeline" }));
    view.appendChild(el("p", { class: "x-lead", text: "Cooperation events in date order. Dates are a year, a year and month, or a day (1995, 1995-06, 1995-06-29)." }));
    withQueries(function (list) {
      var q = list.filter(function (x) { return x.name === "timeline"; })[0];
      if (!q) { view.appendChild(errorBox("this server has no timeline query")); done("timeline"); return; }
      var card = queryForm(q, { bare: true });
      view.appendChild(card);
      card.querySelector("form").dispatchEvent(new Event("submit", { cancelable: true }));
      done("timeline");
    });
  }

  function sparql() {
    view.appendChild(el("h2", { text: "SPARQL" }));
    view.appendChild(el("p", { class: "x-lead", text: "The default graph is the union of every document's graph and the gazetteer; GRAPH ?g reaches each one. The endpoint is /sparql (SPARQL 1.1 Protocol) for any SPARQL client; queries only, no SERVICE." }));
    var box = el("textarea", { class: "x-sparql", id: "x-sparql", spellcheck: "false", "aria-label": "SPARQL query" });
    var picker = el("select", { "aria-label": "Example queries" }, [el("option", { value: "", text: "Examples…" })]);
    var out = el("div", { class: "x-out", id: "x-sparql-out" });
    var run = el("button", { class: "x-button", type: "button", text: "Run query", onclick: function () {
      clear(out);
      out.appendChild(el("div", { class: "x-meta", text: "Running…" }));
      fetch("/sparql", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/sparql-results+json, text/turtle;q=0.9" },
        body: "query=" + encodeURIComponent(box.value)
      }).then(function (r) {
        return r.text().then(function (text) {
          clear(out);
          if (!r.ok) { out.appendChild(errorBox(text)); return; }
          var type = r.headers.get("Content-Type") || "";
          if (type.indexOf("json") >= 0) {
            var data = JSON.parse(text);
            if (data.boolean !== undefined) { out.appendChild(el("p", { text: "Answer: " + data.boolean })); return; }
            var columns = data.head.vars;
            var rows = data.results.bindings.map(function (b) {
              var row = {};
              columns.forEach(function (c) { row[c] = b[c] ? b[c].value : ""; });
              return row;
            });
            out.appendChild(table(columns, rows));
          } else out.appendChild(el("pre", { class: "x-pre", text: text }));
        });
      }).catch(function (e) { clear(out); out.appendChild(errorBox(e.message)); });
    } });
    view.appendChild(el("div", { class: "x-buttons" }, [picker, run]));
    view.appendChild(box);
    view.appendChild(out);
    getJSON("/api/examples").then(function (examples) {
      examples.forEach(function (x, i) { picker.appendChild(el("option", { value: String(i), text: x.title })); });
      picker.addEventListener("change", function () { if (picker.value !== "") box.value = examples[Number(picker.value)].query; });
      box.value = examples[0].query;
      done("sparql");
    }).catch(function (e) { out.appendChild(errorBox(e.message)); done("sparql"); });
  }

  function route() {
    window.kgExplorer.ready = false;
    document.body.removeAttribute("data-ready");
    clear(view);
    var hash = location.hash.replace(/^#\/?/, "");
    var name = hash.split("/")[0] || "home";
    Array.prototype.forEach.call(document.querySelectorAll(".x-nav a"), function (a) {
      a.className = a.getAttribute("data-view") === name ? "x-current" : "";
    });
    if (name === "entity") entity(decodeURIComponent(hash.slice("entity/".length)));
    else if (name === "timeline") timeline();
    else if (name === "queries") queries();
    else if (name === "sparql") sparql();
    else home();
  }
  window.addEventListener("hashchange", route);
  route();
})();
