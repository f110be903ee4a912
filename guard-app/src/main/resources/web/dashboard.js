/*
 * Disclosure Guard dashboard: polls /api/metrics every 5 s and draws what the guard blocked.
 *
 * Only counts and identifiers (decisions, rule ids, facility ids, field names, event types, sources) ever reach
 * this page, and everything from the API is written with textContent or handed to ECharts as data, never as HTML.
 *
 * Machine-checkable state (for tests), on <main id="main"> after every successful refresh:
 *   data-loaded="true", data-range, data-granularity, data-total-decisions, data-blocked-decisions,
 *   data-totals-forward / -forward-redacted / -hold / -reject, data-series-points (points in all API series),
 *   data-series-windows (distinct windows), data-top-rules / -facilities / -fields / -event-types / -sources
 *   (list lengths), data-backlog-pending, data-backlog-oldest-age-seconds, data-throughput, data-refreshes,
 *   data-last-updated (epoch ms), data-charts ("echarts" or "unavailable"); data-error="true|false" after every
 *   attempt (the last data stay on screen when a refresh fails).
 */
(function () {
  'use strict';

  var REFRESH_MS = 5000;
  var TIMEOUT_MS = 4500;
  var DECISIONS = ['FORWARD', 'FORWARD_REDACTED', 'HOLD', 'REJECT'];
  var BLOCKING = ['FORWARD_REDACTED', 'HOLD', 'REJECT'];
  var DECISION_LABELS = {
    FORWARD: 'Forwarded',
    FORWARD_REDACTED: 'Forwarded, fields dropped',
    HOLD: 'Held for review',
    REJECT: 'Rejected'
  };
  /* Okabe–Ito palette (distinguishable with the common colour-vision deficiencies), darkened for contrast. */
  var DECISION_COLORS = {
    FORWARD: '#0072B2',
    FORWARD_REDACTED: '#B07800',
    HOLD: '#C44E00',
    REJECT: '#7A2E8E'
  };
  var RANGES = {
    '15m': { text: 'the last 15 minutes', step: 60000 },
    '1h': { text: 'the last hour', step: 60000 },
    '24h': { text: 'the last 24 hours', step: 3600000 },
    '7d': { text: 'the last 7 days', step: 86400000 }
  };
  var GRANULARITY_STEP = { minute: 60000, hour: 3600000, day: 86400000 };
  var TOPS = [
    { key: 'rule', attr: 'topRules', noun: 'rules', column: 'Rule id', value: 'Blocks' },
    { key: 'facility', attr: 'topFacilities', noun: 'facilities', column: 'Facility id', value: 'Held or rejected' },
    { key: 'field', attr: 'topFields', noun: 'dropped fields', column: 'Field', value: 'Records' },
    { key: 'eventType', attr: 'topEventTypes', noun: 'event types', column: 'Event type', value: 'Blocks' },
    { key: 'source', attr: 'topSources', noun: 'information sources', column: 'Source', value: 'Blocks' }
  ];
  var TOP_COLORS = { rule: '#1F5F8B', facility: '#8A3B12', field: '#4B5B1E', eventType: '#5B3F8C', source: '#245E58' };
  var MAX_TOP = 10;
  var MAX_ID_LENGTH = 80;

  var main = document.getElementById('main');
  var rangeSelect = document.getElementById('range');
  var includeForward = document.getElementById('include-forward');
  var errorBanner = document.getElementById('error-banner');
  var noticeBanner = document.getElementById('notice-banner');
  var partialBanner = document.getElementById('partial-banner');
  var partialMissing = document.getElementById('partial-missing');
  var statusText = document.getElementById('status-text');
  var lastUpdated = document.getElementById('last-updated');

  var numberFormat = new Intl.NumberFormat(undefined);
  var rateFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
  var percentFormat = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
  var clockFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  var axisFormats = {
    minute: new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }),
    hour: new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }),
    day: new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric' })
  };

  var state = {
    range: initialRange(),
    data: null,
    refreshes: 0,
    requestSeq: 0,
    timer: null,
    controller: null,
    failingSince: null,
    lastError: null,
    charts: {}
  };
  var chartsAvailable = typeof window.echarts === 'object' && window.echarts !== null;
  var chartFont = window.getComputedStyle(document.body).fontFamily || 'sans-serif';
  var reducedMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  // ------------------------------------------------------------------ set-up

  function initialRange() {
    var fromUrl = new URLSearchParams(window.location.search).get('range');
    return Object.prototype.hasOwnProperty.call(RANGES, fromUrl) ? fromUrl : '1h';
  }

  function init() {
    rangeSelect.value = state.range;
    rangeSelect.addEventListener('change', function () {
      if (!Object.prototype.hasOwnProperty.call(RANGES, rangeSelect.value)) {
        return;
      }
      state.range = rangeSelect.value;
      var url = new URL(window.location.href);
      url.searchParams.set('range', state.range);
      window.history.replaceState(null, '', url.pathname + url.search + url.hash);
      refresh();
    });
    includeForward.addEventListener('change', function () {
      if (state.data) {
        renderOverTime(state.data);
      }
    });
    // The form only holds live controls: pressing Enter must not navigate.
    document.getElementById('controls').addEventListener('submit', function (event) {
      event.preventDefault();
    });

    main.dataset.charts = chartsAvailable ? 'echarts' : 'unavailable';
    if (chartsAvailable) {
      initCharts();
    } else {
      // No chart library: the numbers stay readable as plain tables.
      Array.prototype.forEach.call(document.querySelectorAll('.chart'), function (el) { el.hidden = true; });
      Array.prototype.forEach.call(document.querySelectorAll('.chart-summary'), function (el) {
        el.classList.remove('visually-hidden');
        el.tabIndex = 0; // a scrollable region must be reachable by keyboard
        el.setAttribute('role', 'region');
        el.setAttribute('aria-label', 'Table: ' + el.parentNode.querySelector('figcaption').textContent.trim());
      });
      showNotice('The chart library (/webjars/echarts/…) did not load; the numbers are shown as tables instead.');
    }
    refresh();
  }

  function initCharts() {
    var ids = ['over-time'].concat(TOPS.map(function (top) { return 'top-' + top.key; }));
    ids.forEach(function (id) {
      var el = document.getElementById('chart-' + id);
      state.charts[id] = window.echarts.init(el, null, { renderer: 'canvas' });
    });
    var resize = function () {
      Object.keys(state.charts).forEach(function (id) { state.charts[id].resize(); });
    };
    if (typeof window.ResizeObserver === 'function') {
      var observer = new window.ResizeObserver(resize);
      Object.keys(state.charts).forEach(function (id) { observer.observe(document.getElementById('chart-' + id)); });
    } else {
      window.addEventListener('resize', resize);
    }
  }

  // ------------------------------------------------------------------ polling

  function refresh() {
    if (state.timer !== null) {
      window.clearTimeout(state.timer);
      state.timer = null;
    }
    if (state.controller) {
      state.controller.abort();
    }
    var seq = ++state.requestSeq;
    var range = state.range;
    var controller = typeof window.AbortController === 'function' ? new window.AbortController() : null;
    state.controller = controller;
    var timeout = window.setTimeout(function () { if (controller) { controller.abort(); } }, TIMEOUT_MS);
    main.setAttribute('aria-busy', 'true');
    statusText.textContent = 'Refreshing…';

    window.fetch('/api/metrics?range=' + encodeURIComponent(range), {
      cache: 'no-store',
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status + (response.statusText ? ' ' + response.statusText : ''));
      }
      return response.json();
    }).then(function (json) {
      if (seq !== state.requestSeq) {
        return; // a newer request (another range) superseded this one
      }
      var data = normalize(json, range);
      render(data);
      succeeded(data);
      // A group answer some instance or partition did not give: never read smaller numbers as the whole.
      partialBanner.hidden = !(json && json.complete === false);
      // What is missing, as text (textContent: an instance's answer is never markup here).
      partialMissing.textContent = json && Array.isArray(json.unavailable) && json.unavailable.length
        ? json.unavailable.map(String).join('; ') : 'not said';
      main.dataset.partial = String(!partialBanner.hidden);
    }).catch(function (error) {
      if (seq !== state.requestSeq) {
        return;
      }
      failed(error && error.name === 'AbortError' ? 'no answer within ' + (TIMEOUT_MS / 1000) + ' s' : messageOf(error));
    }).then(function () {
      window.clearTimeout(timeout);
      if (seq === state.requestSeq) {
        state.controller = null;
        main.setAttribute('aria-busy', 'false');
        state.timer = window.setTimeout(refresh, REFRESH_MS);
      }
    });
  }

  function messageOf(error) {
    if (error instanceof SyntaxError) {
      return 'the answer was not JSON';
    }
    return error && error.message ? error.message : String(error);
  }

  function succeeded(data) {
    var now = Date.now();
    state.data = data;
    state.refreshes += 1;
    state.failingSince = null;
    state.lastError = null;
    errorBanner.hidden = true;
    errorBanner.textContent = '';

    lastUpdated.textContent = clockFormat.format(new Date(now));
    lastUpdated.setAttribute('datetime', new Date(now).toISOString());
    statusText.textContent = 'Showing ' + RANGES[data.range].text + ', ' + granularityText(data.granularity) + '.';

    var d = main.dataset;
    d.loaded = 'true';
    d.error = 'false';
    d.range = data.range;
    d.granularity = data.granularity;
    d.totalDecisions = String(data.totalDecisions);
    d.blockedDecisions = String(data.blockedDecisions);
    d.totalsForward = String(data.totals.FORWARD);
    d.totalsForwardRedacted = String(data.totals.FORWARD_REDACTED);
    d.totalsHold = String(data.totals.HOLD);
    d.totalsReject = String(data.totals.REJECT);
    d.seriesPoints = String(data.seriesPoints);
    d.seriesWindows = String(data.windows.length);
    TOPS.forEach(function (top) { d[top.attr] = String(data.top[top.key].length); });
    d.backlogPending = String(data.backlog.pending);
    d.backlogOldestAgeSeconds = String(data.backlog.oldestAgeSeconds);
    d.throughput = String(data.throughputPerSecond);
    d.refreshes = String(state.refreshes);
    d.lastUpdated = String(now);
  }

  function failed(message) {
    var now = Date.now();
    if (state.failingSince === null) {
      state.failingSince = now;
    }
    main.dataset.error = 'true';
    statusText.textContent = 'Refresh failed; retrying every ' + (REFRESH_MS / 1000) + ' s.';
    // Only rewrite the alert when its text changes: screen readers would otherwise repeat it every 5 s.
    var text = (state.data
      ? 'Could not refresh the metrics (' + message + ') since ' + clockFormat.format(new Date(state.failingSince))
        + '. Showing the data from ' + lastUpdated.textContent + '; retrying every ' + (REFRESH_MS / 1000) + ' s.'
      : 'Could not load the metrics (' + message + '). Retrying every ' + (REFRESH_MS / 1000) + ' s.');
    if (text !== state.lastError) {
      state.lastError = text;
      errorBanner.textContent = text;
    }
    errorBanner.hidden = false;
  }

  function showNotice(text) {
    noticeBanner.textContent = text;
    noticeBanner.hidden = false;
  }

  // ------------------------------------------------------------------ data

  function count(value) {
    var n = Number(value);
    return isFinite(n) && n > 0 ? n : 0;
  }

  function identifier(value) {
    var s = String(value);
    return s.length > MAX_ID_LENGTH ? s.slice(0, MAX_ID_LENGTH - 1) + '…' : s;
  }

  /** Checks the answer's shape and turns it into plain numbers and short identifiers. */
  function normalize(json, requestedRange) {
    if (!json || typeof json !== 'object' || typeof json.series !== 'object' || json.series === null) {
      throw new Error('unexpected answer: no series');
    }
    var range = Object.prototype.hasOwnProperty.call(RANGES, json.range) ? json.range : requestedRange;
    var granularity = Object.prototype.hasOwnProperty.call(GRANULARITY_STEP, json.granularity)
      ? json.granularity : (RANGES[range].step === 60000 ? 'minute' : RANGES[range].step === 3600000 ? 'hour' : 'day');
    var step = GRANULARITY_STEP[granularity];

    var series = {};
    var seriesPoints = 0;
    var windowSet = {};
    DECISIONS.forEach(function (decision) {
      var byWindow = {};
      var points = Array.isArray(json.series[decision]) ? json.series[decision] : [];
      points.forEach(function (point) {
        if (!Array.isArray(point) || point.length < 2) {
          return;
        }
        var t = Number(point[0]);
        if (!isFinite(t)) {
          return;
        }
        seriesPoints += 1;
        byWindow[t] = (byWindow[t] || 0) + count(point[1]);
        windowSet[t] = true;
      });
      series[decision] = byWindow;
    });

    // Every window of the range, so that quiet windows show as zero instead of being skipped.
    var from = Number(json.from);
    var to = Number(json.to);
    if (isFinite(from) && isFinite(to) && to >= from && (to - from) / step <= 400) {
      for (var t = Math.floor(from / step) * step; t <= to; t += step) {
        windowSet[t] = true;
      }
    }
    var windows = Object.keys(windowSet).map(Number).sort(function (a, b) { return a - b; });

    var totals = {};
    var jsonTotals = json.totals && typeof json.totals === 'object' ? json.totals : {};
    DECISIONS.forEach(function (decision) {
      if (Object.prototype.hasOwnProperty.call(jsonTotals, decision)) {
        totals[decision] = count(jsonTotals[decision]);
      } else {
        totals[decision] = Object.keys(series[decision]).reduce(function (sum, t) { return sum + series[decision][t]; }, 0);
      }
    });

    var top = {};
    var jsonTop = json.top && typeof json.top === 'object' ? json.top : {};
    TOPS.forEach(function (spec) {
      var list = Array.isArray(jsonTop[spec.key]) ? jsonTop[spec.key] : [];
      top[spec.key] = list.filter(function (entry) {
        return Array.isArray(entry) && entry.length >= 2 && entry[0] !== null && entry[0] !== undefined;
      }).map(function (entry) {
        return [identifier(entry[0]), count(entry[1])];
      }).sort(function (a, b) { return b[1] - a[1]; }).slice(0, MAX_TOP);
    });

    var backlog = json.backlog && typeof json.backlog === 'object' ? json.backlog : {};
    var outcomes = json.reviewOutcomes && typeof json.reviewOutcomes === 'object' ? json.reviewOutcomes : {};
    return {
      range: range,
      granularity: granularity,
      from: from,
      to: to,
      series: series,
      seriesPoints: seriesPoints,
      windows: windows,
      totals: totals,
      totalDecisions: DECISIONS.reduce(function (sum, d) { return sum + totals[d]; }, 0),
      blockedDecisions: BLOCKING.reduce(function (sum, d) { return sum + totals[d]; }, 0),
      top: top,
      backlog: { pending: count(backlog.pending), oldestAgeSeconds: count(backlog.oldestAgeSeconds) },
      reviewOutcomes: {
        CONFIRMED_HOLD: count(outcomes.CONFIRMED_HOLD),
        RELEASED_REDACTED: count(outcomes.RELEASED_REDACTED),
        FALSE_POSITIVE_RELEASED: count(outcomes.FALSE_POSITIVE_RELEASED)
      },
      throughputPerSecond: count(json.throughputPerSecond)
    };
  }

  // ------------------------------------------------------------------ rendering

  function render(data) {
    renderCards(data);
    renderOverTime(data);
    TOPS.forEach(function (spec) { renderTop(spec, data); });
  }

  function setText(id, text) {
    document.getElementById(id).textContent = text;
  }

  function renderCards(data) {
    setText('total-decisions', numberFormat.format(data.totalDecisions));
    DECISIONS.forEach(function (decision) {
      document.querySelector('#totals [data-decision="' + decision + '"]').textContent = numberFormat.format(data.totals[decision]);
    });
    setText('blocked-share', data.totalDecisions > 0 ? percentFormat.format(data.blockedDecisions / data.totalDecisions) : '–');
    setText('backlog-pending', numberFormat.format(data.backlog.pending));
    var oldest = document.getElementById('backlog-oldest');
    oldest.textContent = data.backlog.pending > 0 || data.backlog.oldestAgeSeconds > 0
      ? duration(data.backlog.oldestAgeSeconds) + (data.backlog.oldestAgeSeconds >= 3600 ? ' (over an hour)' : '')
      : 'none waiting';
    oldest.title = numberFormat.format(data.backlog.oldestAgeSeconds) + ' seconds';
    document.getElementById('h-backlog').parentNode.classList.toggle('attention', data.backlog.oldestAgeSeconds >= 3600);
    setText('throughput', rateFormat.format(data.throughputPerSecond));
    Object.keys(data.reviewOutcomes).forEach(function (outcome) {
      document.querySelector('#outcomes [data-outcome="' + outcome + '"]').textContent = numberFormat.format(data.reviewOutcomes[outcome]);
    });
  }

  function duration(seconds) {
    var s = Math.round(seconds);
    if (s < 60) {
      return s + ' s';
    }
    if (s < 3600) {
      return Math.floor(s / 60) + ' min ' + (s % 60) + ' s';
    }
    if (s < 86400) {
      return Math.floor(s / 3600) + ' h ' + Math.floor((s % 3600) / 60) + ' min';
    }
    return Math.floor(s / 86400) + ' d ' + Math.floor((s % 86400) / 3600) + ' h';
  }

  function granularityText(granularity) {
    return granularity === 'minute' ? 'per minute' : granularity === 'hour' ? 'per hour' : 'per day';
  }

  function windowLabel(t, granularity) {
    return axisFormats[granularity].format(new Date(t));
  }

  function renderOverTime(data) {
    // Forwarded records go on top of the stack, so that the blocked ones keep the baseline.
    var decisions = includeForward.checked ? BLOCKING.concat(['FORWARD']) : BLOCKING;
    var labels = data.windows.map(function (t) { return windowLabel(t, data.granularity); });
    setText('granularity-text', granularityText(data.granularity));

    var sums = {};
    decisions.forEach(function (decision) {
      sums[decision] = Object.keys(data.series[decision]).reduce(function (sum, t) { return sum + data.series[decision][t]; }, 0);
    });
    var label = 'Stacked bar chart of ' + (includeForward.checked ? 'all decisions' : 'blocked disclosures') + ' '
      + granularityText(data.granularity) + ' over ' + RANGES[data.range].text + ', ' + data.windows.length + ' windows: '
      + decisions.map(function (d) { return DECISION_LABELS[d].toLowerCase() + ' ' + numberFormat.format(sums[d]); }).join('; ')
      + '. The table after the chart lists every window.';
    document.getElementById('chart-over-time').setAttribute('aria-label', label);

    // The text alternative: one row per window, one column per decision.
    var rows = data.windows.map(function (t) {
      return [windowLabel(t, data.granularity)].concat(decisions.map(function (d) {
        return numberFormat.format(data.series[d][t] || 0);
      }));
    });
    fillTable(document.getElementById('summary-over-time'),
      'Decisions ' + granularityText(data.granularity) + ', ' + RANGES[data.range].text,
      ['Window start'].concat(decisions.map(function (d) { return DECISION_LABELS[d]; })), rows);

    var chart = state.charts['over-time'];
    if (!chart) {
      return;
    }
    chart.setOption({
      animation: !reducedMotion,
      aria: { enabled: true, label: { enabled: false }, decal: { show: true } },
      textStyle: { fontFamily: chartFont, color: '#1b1f24' },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: function (v) { return numberFormat.format(v); } },
      legend: { top: 0, left: 0, itemGap: 16, textStyle: { color: '#1b1f24', fontSize: 13 } },
      grid: { left: 8, right: 16, top: 56, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: labels,
        axisLabel: { color: '#3d4651', hideOverlap: true },
        axisLine: { lineStyle: { color: '#6b7480' } },
        axisTick: { alignWithLabel: true }
      },
      yAxis: {
        type: 'value',
        name: 'records ' + granularityText(data.granularity),
        nameGap: 14,
        nameTextStyle: { color: '#3d4651', align: 'left' },
        minInterval: 1,
        axisLabel: { color: '#3d4651' },
        splitLine: { lineStyle: { color: '#e3e6ea' } }
      },
      series: decisions.map(function (decision) {
        return {
          id: decision,
          name: DECISION_LABELS[decision],
          type: 'bar',
          stack: 'decisions',
          barCategoryGap: '15%',
          itemStyle: { color: DECISION_COLORS[decision] },
          emphasis: { focus: 'series' },
          data: data.windows.map(function (t) { return data.series[decision][t] || 0; })
        };
      })
    }, { replaceMerge: ['series'] });
  }

  function renderTop(spec, data) {
    var entries = data.top[spec.key];
    var figure = document.querySelector('figure[data-top="' + spec.key + '"]');
    var chartEl = document.getElementById('chart-top-' + spec.key);
    var empty = figure.querySelector('.empty');
    var heading = document.getElementById('h-top-' + spec.key).textContent;

    var label = entries.length === 0
      ? heading + ': nothing blocked in ' + RANGES[data.range].text + '.'
      : 'Horizontal bar chart, ' + heading.toLowerCase() + ' in ' + RANGES[data.range].text + ': '
        + entries.map(function (e) { return e[0] + ' ' + numberFormat.format(e[1]); }).join('; ') + '.';
    chartEl.setAttribute('aria-label', label);
    fillTable(document.getElementById('summary-top-' + spec.key), heading + ', ' + RANGES[data.range].text,
      [spec.column, spec.value], entries.map(function (e) { return [e[0], numberFormat.format(e[1])]; }));

    empty.hidden = entries.length > 0;
    var chart = state.charts['top-' + spec.key];
    if (!chart) {
      return;
    }
    chartEl.hidden = entries.length === 0;
    if (entries.length === 0) {
      chart.clear();
      return;
    }
    // Enough height for every bar, so that labels never collide.
    chartEl.style.height = Math.max(120, 24 + entries.length * 30) + 'px';
    chart.resize();
    chart.setOption({
      animation: !reducedMotion,
      textStyle: { fontFamily: chartFont, color: '#1b1f24' },
      tooltip: { trigger: 'item', valueFormatter: function (v) { return numberFormat.format(v); } },
      grid: { left: 8, right: 56, top: 4, bottom: 4, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, show: false },
      yAxis: {
        type: 'category',
        inverse: true,
        data: entries.map(function (e) { return e[0]; }),
        axisLabel: { color: '#1b1f24', fontSize: 13, width: 190, overflow: 'truncate' },
        axisLine: { lineStyle: { color: '#6b7480' } },
        axisTick: { show: false }
      },
      series: [{
        id: spec.key,
        name: spec.value,
        type: 'bar',
        barMaxWidth: 22,
        itemStyle: { color: TOP_COLORS[spec.key] },
        label: { show: true, position: 'right', color: '#1b1f24', formatter: function (p) { return numberFormat.format(p.value); } },
        data: entries.map(function (e) { return e[1]; })
      }]
    }, { replaceMerge: ['series'] });
  }

  /** Replaces the content of `container` with a captioned table (header row, then rows), built as text nodes. */
  function fillTable(container, caption, header, rows) {
    var table = document.createElement('table');
    var cap = document.createElement('caption');
    cap.textContent = caption;
    table.appendChild(cap);
    var thead = document.createElement('thead');
    var headRow = document.createElement('tr');
    header.forEach(function (text) {
      var th = document.createElement('th');
      th.scope = 'col';
      th.textContent = text;
      headRow.appendChild(th);
    });
    thead.appendChild(headRow);
    table.appendChild(thead);
    var tbody = document.createElement('tbody');
    rows.forEach(function (row) {
      var tr = document.createElement('tr');
      row.forEach(function (text, i) {
        var cell = document.createElement(i === 0 ? 'th' : 'td');
        if (i === 0) {
          cell.scope = 'row';
        }
        cell.textContent = text;
        tr.appendChild(cell);
      });
      tbody.appendChild(tr);
    });
    if (rows.length === 0) {
      var tr = document.createElement('tr');
      var td = document.createElement('td');
      td.colSpan = header.length;
      td.textContent = 'No data in this range.';
      tr.appendChild(td);
      tbody.appendChild(tr);
    }
    table.appendChild(tbody);
    container.replaceChildren(table);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());
