/* Skylift report: draws the traffic chart with uPlot and switches the strategy shown. Reads only the
   JSON block; writes text with textContent, never as markup. */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('skylift-data').textContent);
  var strategies = data.strategies;
  var plot = null;
  var shown = data.best;

  function aligned() {
    var all = [];
    strategies.forEach(function (s) { all = all.concat(s.curve.t); });
    all.sort(function (a, b) { return a - b; });
    var xs = [];
    for (var i = 0; i < all.length; i++) {
      if (i === 0 || all[i] !== all[i - 1]) xs.push(all[i]);
    }
    var columns = [xs.map(function (t) { return t / data.timeAxis.seconds; })];
    strategies.forEach(function (s) {
      var out = new Array(xs.length), j = 0, rate = 0;
      for (var k = 0; k < xs.length; k++) {
        while (j < s.curve.t.length && s.curve.t[j] <= xs[k]) { rate = s.curve.r[j]; j++; }
        out[k] = rate / 1e6;
      }
      columns.push(out);
    });
    return columns;
  }

  function chart() {
    var el = document.getElementById('traffic-chart');
    var series = [{ label: data.timeAxis.name, value: function (u, v) { return v == null ? '–' : v.toFixed(1); } }];
    strategies.forEach(function (s, i) {
      series.push({
        label: s.name, stroke: s.color, width: i === shown ? 2.6 : 1.5,
        paths: uPlot.paths.stepped({ align: 1 }), points: { show: false },
        value: function (u, v) { return v == null ? '–' : v.toFixed(2) + ' MB/s'; }
      });
    });
    plot = new uPlot({
      width: Math.max(320, el.clientWidth), height: 340,
      scales: { x: { time: false } },
      axes: [{ label: data.timeAxis.name + ' since the start' }, { label: 'cross-WAN traffic (MB/s)', size: 64 }],
      cursor: { focus: { prox: 16 } }, focus: { alpha: 0.35 },
      series: series
    }, aligned(), el);
    window.addEventListener('resize', function () {
      plot.setSize({ width: Math.max(320, el.clientWidth), height: 340 });
    });
  }

  function show(index) {
    var s = strategies[index];
    shown = index;
    document.querySelectorAll('.switch button').forEach(function (b) {
      var on = Number(b.getAttribute('data-index')) === index;
      b.classList.toggle('on', on);
      b.setAttribute('aria-pressed', on ? 'true' : 'false');
    });
    document.querySelectorAll('table.metrics tbody tr').forEach(function (tr) {
      tr.classList.toggle('on', Number(tr.getAttribute('data-index')) === index);
    });
    document.querySelectorAll('h2 .shown').forEach(function (e) { e.textContent = '· ' + s.name; });
    if (s.ranks) {
      var n = s.ranks.length, steps = data.palette.length;
      document.querySelectorAll('#graph-svg circle').forEach(function (c) {
        var v = Number(c.getAttribute('data-v')), rank = s.ranks[v];
        c.setAttribute('fill', data.palette[n <= 1 ? 0 : Math.round(rank * (steps - 1) / (n - 1))]);
        var title = c.querySelector('title');
        title.textContent = title.textContent.replace(/moved \d+ of/, 'moved ' + (rank + 1) + ' of');
      });
      var worst = document.getElementById('worst-pair');
      if (worst) {
        if (s.worstVertices) {
          var a = document.querySelector('#graph-svg circle[data-v="' + s.worstVertices[0] + '"]');
          var b = document.querySelector('#graph-svg circle[data-v="' + s.worstVertices[1] + '"]');
          worst.setAttribute('x1', a.getAttribute('cx')); worst.setAttribute('y1', a.getAttribute('cy'));
          worst.setAttribute('x2', b.getAttribute('cx')); worst.setAttribute('y2', b.getAttribute('cy'));
          worst.removeAttribute('visibility');
        } else {
          worst.setAttribute('visibility', 'hidden');
        }
      }
    }
    var drawn = false;
    document.querySelectorAll('svg.gantt').forEach(function (g) {
      var mine = Number(g.getAttribute('data-index')) === index;
      if (mine) { g.removeAttribute('hidden'); drawn = true; } else { g.setAttribute('hidden', ''); }
    });
    var missing = document.querySelector('#gantt .missing');
    if (missing) { if (drawn) missing.setAttribute('hidden', ''); else missing.removeAttribute('hidden'); }
    if (plot) {
      for (var i = 0; i < strategies.length; i++) {
        plot.series[i + 1].width = i === index ? 2.6 : 1.5;
      }
      plot.redraw();
    }
  }

  document.querySelectorAll('.switch button, table.metrics tbody tr').forEach(function (e) {
    e.addEventListener('click', function () { show(Number(e.getAttribute('data-index'))); });
  });
  show(data.best);
  chart(); // after show: a redraw right after uPlot's construction loses the scales
  document.body.setAttribute('data-ready', 'true');
})();
