(function () {
  var data = window.registryData, S = data.strings, K = data.kinds, TK = data.ties, T = data.text;
  var LIT = 1, FOCUS = 2, DASHED = 4, DIRECTED = 8, CHUNK = 250;
  // A metric encoding (size and colour per node row, null where drawn as by default).
  var EN = data.encode || {size: [], colour: [], palette: []};
  var rows = data.nodes, nodes = new Array(rows.length), at = {};
  for (var i = 0; i < rows.length; i++) {
    var r = rows[i], k = K[r[2]], name = r[1], marked = r[7] & (LIT | FOCUS);
    var size = EN.size[i], ci = EN.colour[i], fill = ci === null || ci === undefined ? k[0] : EN.palette[ci];
    var node = {
      id: r[0], label: name.length <= 40 ? name : name.slice(0, 39) + "\u2026", shape: k[1],
      size: size === null || size === undefined ? Math.round(Math.min(10 + 3 * Math.sqrt(r[4]) + (k[3] ? 8 : 0), 45) * 10) / 10 : size,
      // Selected (clicked) and hovered nodes keep their own fill, with a dark border, instead of vis-network's blue.
      color: {background: fill, border: marked ? "#333333" : fill, highlight: {background: fill, border: "#222222"},
        hover: {background: fill, border: "#222222"}},
      borderWidth: marked ? 4 : 1, borderWidthSelected: 4
    };
    if (r[7] & FOCUS) node.font = {size: 18, bold: true};
    if (r[5] !== null) { node.x = r[5]; node.y = r[6]; }
    nodes[i] = node;
    at[r[0]] = i;
  }
  var erows = data.edges, edges = new Array(erows.length), eat = {};
  for (var j = 0; j < erows.length; j++) {
    var e = erows[j], tk = TK[e[3]], lit = e[4] & LIT, group = e[3] === 1;
    var edge = {
      id: e[0], from: rows[e[1]][0], to: rows[e[2]][0], color: {color: lit ? "#ff7f00" : tk[0]},
      width: lit ? 5 : (group ? 1 + Math.log2(e[6]) : tk[2]), dashes: !!(e[4] & DASHED)
    };
    if (e[4] & DIRECTED) edge.arrows = {to: {enabled: true, scaleFactor: 0.5}};
    if (e[5]) edge.smooth = {enabled: true, type: "curvedCW", roundness: 0.15 * e[5]};
    edges[j] = edge;
    eat[e[0]] = j;
  }
  function count(n) { return (n === 1 ? T.tie : T.ties).replace("{n}", n); }
  // Tooltips are written as text (textContent), built when hovered.
  function nodeText(i) {
    var r = rows[i], k = K[r[2]];
    if (r[2] === 1) return r[1] + "\n" + T.groupHelp;
    var lines = [r[1], k[2]];
    if (r[3]) lines.push(S[r[3]]);
    lines.push(count(r[4]));
    return lines.join("\n");
  }
  function edgeText(j) {
    var e = erows[j], a = rows[e[1]][1], b = rows[e[2]][1];
    if (e[3] === 1) {
      var kinds = [];
      for (var i = 0; i < e[7].length; i += 2) kinds.push(TK[e[7][i]][1] + ": " + e[7][i + 1]);
      return a + " \u2013 " + b + "\n" + count(e[6]) + "\n" + kinds.join(", ");
    }
    var lines = [a + " \u2192 " + b, TK[e[3]][1] + " (" + (S[e[6]] || "?") + "\u2013" + S[e[7]] + ")"];
    if (e[8]) lines.push(S[e[8]]);
    if (e[9]) lines.push(S[e[9]]);
    if (e[10]) lines.push(T.source + ": " + S[e[10]]);
    return lines.join("\n");
  }
  var box = document.getElementById("net"), tip = document.getElementById("tooltip");
  function show(text, p) {
    tip.textContent = text;
    tip.style.display = "block";
    var x = Math.min(p.x + 14, box.clientWidth - tip.offsetWidth - 4), y = p.y + 14;
    if (y + tip.offsetHeight > box.clientHeight) y = Math.max(p.y - tip.offsetHeight - 8, 0);
    tip.style.left = Math.max(x, 0) + "px";
    tip.style.top = y + "px";
  }
  function hide() { tip.style.display = "none"; }
  var nodeSet = new vis.DataSet(), edgeSet = new vis.DataSet();
  if (data.physics) {
    nodeSet.add(nodes);
    edgeSet.add(edges);
  }
  var network = new vis.Network(box, {nodes: nodeSet, edges: edgeSet}, data.options);
  window.registryNetwork = network;
  network.on("hoverNode", function (p) { show(nodeText(at[p.node]), p.pointer.DOM); });
  network.on("hoverEdge", function (p) { show(edgeText(eat[p.edge]), p.pointer.DOM); });
  network.on("blurNode", hide);
  network.on("blurEdge", hide);
  network.on("dragStart", hide);
  network.on("zoom", hide);
  // Lighting an entity: it and its neighbours keep their colours, every other node and tie fades
  // (and carries faded: true, for tests). Held until the drawing has all its nodes.
  var ready = false, wanted = null, lit = null, FADED = "#e4e4e4", FADED_TEXT = "#c4c4c4";
  function light(id) {
    wanted = typeof id === "string" && at[id] !== undefined ? id : null;
    if (!ready || wanted === lit) return;
    lit = wanted;
    var near = {};
    if (lit !== null) {
      near[lit] = true;
      network.getConnectedNodes(lit).forEach(function (n) { near[n] = true; });
    }
    var nu = new Array(nodes.length), eu = new Array(edges.length);
    for (var i = 0; i < nodes.length; i++) {
      var n = nodes[i], off = lit !== null && !near[n.id];
      nu[i] = {id: n.id, faded: off, color: off ? {background: FADED, border: FADED, highlight: {background: FADED, border: FADED},
        hover: {background: FADED, border: FADED}} : n.color,
        font: Object.assign({}, n.font || {}, {color: off ? FADED_TEXT : "#343434"})};
    }
    for (var j = 0; j < edges.length; j++) {
      var e = edges[j], eoff = lit !== null && e.from !== lit && e.to !== lit;
      eu[j] = {id: e.id, faded: eoff, color: eoff ? {color: FADED} : e.color};
    }
    nodeSet.update(nu);
    edgeSet.update(eu);
    if (lit !== null) network.selectNodes([lit]); else network.unselectAll();
    document.body.setAttribute("data-lit", lit === null ? "" : lit);
  }
  // The page around the drawing (same origin) says which entity is selected, on every rerun and
  // when this drawing asks for it (a new drawing after "Focus here" lights the same entity).
  window.addEventListener("message", function (e) {
    if (e.source !== window.parent || !e.data || e.data.type !== "registry-highlight") return;
    light(e.data.id);
  });
  function tell(message) { if (window.parent !== window) window.parent.postMessage(message, "*"); }
  // A click on an entity selects it on the page around the drawing: the page listens for this
  // message (same origin only) and shows its profile. A click on the background clears the
  // selection. Country groups are not entities.
  network.on("click", function (p) {
    if (!p.nodes.length) {
      if (p.edges.length || lit === null) return;
      light(null);
      document.body.setAttribute("data-selected", "");
      tell({type: "registry-select", id: ""});
      return;
    }
    var r = rows[at[p.nodes[0]]];
    if (!r || r[2] === 1) return;
    light(r[0]);
    document.body.setAttribute("data-selected", r[0]);
    tell({type: "registry-select", id: r[0]});
  });
  // The drawing as a PNG file, made in the browser from vis-network's canvas on a white ground.
  document.getElementById("save").addEventListener("click", function () {
    var src = box.querySelector("canvas");
    if (!src) return;
    var c = document.createElement("canvas");
    c.width = src.width;
    c.height = src.height;
    var ctx = c.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, c.width, c.height);
    ctx.drawImage(src, 0, 0);
    var a = document.createElement("a");
    a.href = c.toDataURL("image/png");
    a.download = T.file;
    document.body.appendChild(a);
    a.click();
    a.remove();
  });
  function drawn() {
    document.body.setAttribute("data-drawn", "1");
    ready = true;
    light(wanted);
    tell({type: "registry-ready"});
  }
  if (data.physics) {
    network.once("afterDrawing", drawn);
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({physics: {enabled: false}});
      document.body.setAttribute("data-stable", "1");
    });
    return;
  }
  // A fixed layout is handed over in parts, one task each, with drawing held until the
  // end: vis-network spends ~0.1 ms setting up each node and edge, which in one go kept
  // the browser busy for 0.5 s at 1,000 nodes (measured in headless Chromium).
  var parts = [];
  for (var a = 0; a < nodes.length; a += CHUNK) parts.push([nodeSet, nodes.slice(a, a + CHUNK)]);
  for (var b = 0; b < edges.length; b += 2 * CHUNK) parts.push([edgeSet, edges.slice(b, b + 2 * CHUNK)]);
  network.body.emitter.emit("_blockRedraw");
  function next(i) {
    if (i < parts.length) {
      parts[i][0].add(parts[i][1]);
      setTimeout(function () { next(i + 1); }, 0);
      return;
    }
    network.body.emitter.emit("_allowRedraw");
    network.once("afterDrawing", drawn);
    network.fit();
    network.redraw();
    document.body.setAttribute("data-stable", "1");
  }
  next(0);
})();
