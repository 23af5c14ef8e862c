/* kg viz: tiny DOM helpers shared by the network and the timeline.
   Every piece of text goes through textContent: article text is never parsed as markup. */
var kgDom = (function () {
  "use strict";
  var SVG_NS = "http://www.w3.org/2000/svg";

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function svg(tag, attrs, children) {
    var node = document.createElementNS(SVG_NS, tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function setAttrs(node, attrs) {
    if (!attrs) return;
    Object.keys(attrs).forEach(function (key) {
      var value = attrs[key];
      if (value === undefined || value === null || value === false) return;
      if (key === "text") node.textContent = String(value);
      else if (key === "class") node.setAttribute("class", value);
      else if (key.slice(0, 2) === "on") node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : String(value));
    });
  }

  function append(node, children) {
    if (children === undefined || children === null) return;
    if (!Array.isArray(children)) children = [children];
    children.forEach(function (child) {
      if (child === undefined || child === null || child === false) return;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  /* A small SVG swatch in a vis-network shape, for legends. */
  function swatch(shape, color, size) {
    var s = size || 14, h = s / 2, r = s / 2 - 1.5, shapeNode;
    var common = { fill: color, stroke: "rgba(0,0,0,.45)", "stroke-width": 1 };
    function poly(points) {
      return svg("polygon", Object.assign({ points: points.map(function (p) { return p.join(","); }).join(" ") }, common));
    }
    if (shape === "square") shapeNode = svg("rect", Object.assign({ x: 1.5, y: 1.5, width: s - 3, height: s - 3 }, common));
    else if (shape === "diamond") shapeNode = poly([[h, 0.5], [s - 0.5, h], [h, s - 0.5], [0.5, h]]);
    else if (shape === "triangle") shapeNode = poly([[h, 0.5], [s - 0.5, s - 1.5], [0.5, s - 1.5]]);
    else if (shape === "triangleDown") shapeNode = poly([[0.5, 1.5], [s - 0.5, 1.5], [h, s - 0.5]]);
    else if (shape === "hexagon") {
      var pts = [];
      for (var i = 0; i < 6; i++) pts.push([h + r * Math.cos(Math.PI / 3 * i), h + r * Math.sin(Math.PI / 3 * i)]);
      shapeNode = poly(pts);
    } else if (shape === "star") {
      var star = [];
      for (var j = 0; j < 10; j++) {
        var rad = j % 2 ? r * 0.45 : r, a = -Math.PI / 2 + Math.PI / 5 * j;
        star.push([h + rad * Math.cos(a), h + rad * Math.sin(a)]);
      }
      shapeNode = poly(star);
    } else shapeNode = svg("circle", Object.assign({ cx: h, cy: h, r: r }, common));
    return svg("svg", { width: s, height: s, viewBox: "0 0 " + s + " " + s, "aria-hidden": "true" }, shapeNode);
  }

  /* One evidence sentence with its source document. */
  function evidence(ev) {
    var source = ev.where || ev.document ? "— " + (ev.where || ev.document) : "";
    return [el("blockquote", { class: "kg-evidence", text: ev.sentence || "" }), source ? el("div", { class: "kg-source", text: source }) : null];
  }

  return { el: el, svg: svg, clear: clear, swatch: swatch, evidence: evidence };
})();
