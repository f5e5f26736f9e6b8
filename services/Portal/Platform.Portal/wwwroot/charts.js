// Draws every chart on the page from its data-chart attribute (see Components/Dashboard/Chart.razor), after a full
// load and after each of Blazor's enhanced navigations, which replace the page's content without running scripts.
(() => {
  const palette = ['#0b57d0', '#237804', '#d46b08', '#a8071a'];

  function option(spec) {
    const axisLabel = spec.percent ? { formatter: '{value}%' } : {};
    return {
      color: palette,
      tooltip: { trigger: 'axis', valueFormatter: v => v == null ? '—' : (spec.percent ? v + '%' : v) },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 40, containLabel: true },
      xAxis: { type: 'category', data: spec.categories, axisLabel: { interval: 0, rotate: spec.categories.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', max: spec.percent ? 100 : null, axisLabel },
      series: spec.series.map(s => ({ name: s.name, type: spec.kind, data: s.values })),
    };
  }

  function drawAll() {
    if (typeof echarts === 'undefined') {
      return;
    }
    document.querySelectorAll('[data-chart]').forEach(element => {
      const chart = echarts.getInstanceByDom(element) || echarts.init(element, null, { renderer: 'svg' });
      chart.setOption(option(JSON.parse(element.dataset.chart)), true);
      element.dataset.drawn = 'true';
    });
  }

  window.addEventListener('resize', () => document.querySelectorAll('[data-chart]').forEach(element => echarts.getInstanceByDom(element)?.resize()));
  document.addEventListener('DOMContentLoaded', () => {
    drawAll();
    window.Blazor?.addEventListener('enhancedload', drawAll);
  });
})();
