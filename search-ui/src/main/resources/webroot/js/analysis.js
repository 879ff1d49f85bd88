// Analys: draws the three tables of /api/analysis with Apache ECharts (loaded before this module from its WebJar).
// The same numbers are on the page as a table and as CSV links, so nothing here is needed to read them.
import { api } from './app.js';

const root = document.getElementById('analysis');
const echarts = window.echarts;

// The switch for unreviewed suggestions analyses again at once (without scripts, with the Analysera button).
document.getElementById('suggestions')?.addEventListener('change', (event) => event.target.form.requestSubmit());

function heatmap(element, rows, columns, counts, onClick) {
  const max = Math.max(1, ...counts.flat());
  // Digits dark on light cells and white on dark ones, so each stays readable on its own colour.
  const cells = [];
  counts.forEach((row, i) => row.forEach((n, j) => cells.push({ value: [j, i, n], label: { color: n > max * 0.6 ? '#ffffff' : '#12304f' } })));
  // As tall as its rows need (the CSS height is the fallback); set through the CSSOM, which the CSP allows.
  element.style.height = `${Math.max(220, rows.length * 30 + 190)}px`;
  const chart = echarts.init(element, null, { renderer: 'canvas' });
  const layout = () => {
    // Labels get what the width allows and are cut with an ellipsis beyond (the tooltip and the table have them whole).
    const narrow = element.clientWidth < 640;
    return {
      grid: { left: 8, right: 16, top: 56, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: columns, axisLabel: { rotate: narrow ? 90 : columns.length > 6 ? 40 : 0, interval: 0, width: narrow ? 80 : 140, overflow: 'truncate' } },
      yAxis: { type: 'category', data: rows, inverse: true, axisLabel: { interval: 0, width: narrow ? 96 : 200, overflow: 'truncate' } },
    };
  };
  chart.setOption({
    animation: false,
    // Rich text keeps the tooltip on the canvas: no HTML with inline styles (which the CSP refuses).
    tooltip: { renderMode: 'richText', formatter: p => `${rows[p.value[1]]} · ${columns[p.value[0]]}: ${p.value[2]}` },
    // The scale sits above the chart, clear of the rotated column labels below it.
    visualMap: { min: 0, max, calculable: true, orient: 'horizontal', right: 8, top: 0, itemHeight: 120,
      inRange: { color: ['#f2f7fb', '#7fb2e0', '#0b3f73'] } },
    series: [{ type: 'heatmap', data: cells, label: { show: true }, emphasis: { itemStyle: { borderColor: '#f0a400', borderWidth: 2 } } }],
    ...layout(),
  });
  chart.relayout = () => chart.setOption(layout());
  if (onClick) {
    chart.on('click', p => onClick(p.value[1], p.value[0], p.value[2]));
  }
  return chart;
}

function lines(element, themes, years, counts) {
  const chart = echarts.init(element, null, { renderer: 'canvas' });
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    legend: { type: 'scroll', bottom: 0 },
    grid: { left: 48, right: 24, top: 16, bottom: 64 },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: { type: 'value', minInterval: 1 },
    series: themes.map((t, i) => ({ name: t.label, type: 'line', data: counts[i], symbolSize: 6 })),
  });
  return chart;
}

function download(chart, name) {
  const link = document.createElement('a');
  link.href = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
  link.download = `lararena-${name}.png`;
  document.body.append(link);
  link.click();
  link.remove();
}

if (root && echarts) {
  const response = await api(root.dataset.src);
  if (response.ok) {
    const data = await response.json();
    const search = root.dataset.search;
    const m = data.matrix;
    const charts = {
      matrix: heatmap(document.getElementById('chart-matrix'), m.themes.map(t => t.label), m.pilots, m.counts, (row, column, count) => {
        if (count === 0) return;
        const join = search.includes('?') ? '&' : '?';
        location.href = `${search}${join}theme=${encodeURIComponent(m.themes[row].iri)}&pilot=${encodeURIComponent(m.pilots[column])}`;
      }),
      cooccurrence: heatmap(document.getElementById('chart-cooccurrence'), data.cooccurrence.themes.map(t => t.label),
        data.cooccurrence.themes.map(t => t.label), data.cooccurrence.counts, null),
      overtime: lines(document.getElementById('chart-overtime'), data.overTime.themes, data.overTime.years, data.overTime.counts),
    };
    for (const button of root.querySelectorAll('button.png')) {
      button.hidden = false;
      button.addEventListener('click', () => download(charts[button.dataset.chart], button.dataset.chart));
    }
    window.addEventListener('resize', () => Object.values(charts).forEach(c => { c.relayout?.(); c.resize(); }));
    root.dataset.ready = 'true';
  }
}
