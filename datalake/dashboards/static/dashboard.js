// The dashboard, drawn in the browser from the data embedded in the page (no request leaves it).
// Every figure is recomputed from that data for the filters chosen: sums and counts for the
// headline figures and trends, per-title rows for the correlations and franchises.
"use strict";

const D = JSON.parse(document.getElementById("page-data").textContent);
const objects = (t) => t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i]])));
const CELLS = objects(D.cells), TITLES = objects(D.titles), TMDB = objects(D.tmdb);
const CREDITS = objects(D.credits), FRANCHISE = new Map(D.collections.rows);
const P = D.provenance;
const decadeOf = (year) => Math.floor(year / 10) * 10;
const DECADES = [...new Set(CELLS.filter((c) => c.year != null).map((c) => decadeOf(c.year)))]
  .sort((a, b) => a - b);
const ALL_GENRES = (1 << D.genres.length) - 1;
const INK = ["#1f4e8c", "#e69f00", "#009e73", "#cc79a7"]; // dark, light, mid: apart in greyscale
const DASH = ["", "7 4", "2 3", "10 3 2 3"];

const state = {
  lang: "en", genres: ALL_GENRES, kind: "all", from: DECADES[0], to: DECADES[DECADES.length - 1],
  floor: 0, drill: null, search: "", sort: { key: "imdb_votes", desc: true },
};

// ---- words -------------------------------------------------------------------------------
const T = {
  en: {
    title: (g) => `Movies and series: ${g}`, subtitle: (d) => `Processing date ${d} · built from the Refined zone`,
    lang: "Português", langLabel: "Mostrar em português", filters: "Filters", genre: "Genre", kind: "Kind",
    from: "From decade", to: "To decade", minVotes: "Minimum IMDb votes", reset: "Reset filters",
    all: "All", movie: "Movies", series: "Series", any: "Any (also unknown)", and: "and",
    undefined: "undefined", titlesLabel: "Titles", titles: (n) => `${n} ${n === "1" ? "title" : "titles"}`, csv: "Download CSV",
    summary: (k, g, a, b, v) => `Showing ${k} of ${g}, ${a}s to ${b}s, ${v} IMDb votes.`,
    headline: "Headline figures", headlineQ: "What the lake holds for the filters chosen. Click Movies or Series to filter by kind.",
    cMovies: "Movies", cSeries: "Series", cRating: "Mean IMDb rating", cVotes: "IMDb votes",
    cTmdb: "With TMDB data", cRuntime: "Mean movie runtime (min)", rests: (n) => `rests on ${n}`,
    decades: "Titles by decade", decadesQ: "How many titles each decade holds. Click a decade to filter every chart to it; click it again to clear.",
    decadesF: (d, n) => `The ${d}s hold the most titles (${n}).`,
    trends: "Runtime and season length over time", trendsQ: "How did movie runtime and series episodes per season change? Click a decade to see its years.",
    trendsF: (what, a, x, b, y) => `${what}: ${x} in the ${a} to ${y} in the ${b}.`,
    runtime: "Mean movie runtime (minutes)", episodes: "Mean episodes per season (series, TMDB)",
    back: "← All decades", drilled: (d) => `Years of the ${d}s`, noData: "No data for these filters.",
    genresH: "Genre popularity by decade", genresQ: "How did each configured genre's popularity (IMDb votes of its titles) move? Click a genre to filter to it.",
    genresF: (g, d, v, n) => `${g} peaked in the ${d} (${v} votes, ${n})`, votes: "IMDb votes", decade: "Decade", year: "Year",
    budget: "Budget and popularity", budgetQ: "How does a movie's budget relate to its TMDB popularity?",
    budgetF: (n, rho, r) => `Across ${n} ${n === "1" ? "movie" : "movies"} with a known budget, Spearman's ρ = ${rho} (Pearson's r = ${r}).`,
    budgetX: "Budget (US$, log scale)", popularity: "TMDB popularity",
    predictors: "IMDb or TMDB: which rating predicts success?", predictorsQ: "Which rating is more closely tied to success (Spearman's ρ on the same titles)?",
    predictorsF: (who, w, m) => `${who}'s rating tracks success more closely on ${w} of ${m} measures with a defined correlation.`,
    predictorsTie: (w, m) => `Neither rating wins: each is closer on ${w} of ${m} measures with a defined correlation.`,
    predictorsNone: "No measure has a defined correlation for these filters.",
    measure: "Success measure", closer: "Closer", tie: "tie",
    mRevenue: "movie revenue", mRoi: "movie ROI", mVotesMovies: "movie IMDb votes", mVotesSeries: "series IMDb votes", mYears: "series years running", mSeasons: "series seasons",
    franchises: "Most popular franchises", franchisesQ: "Which franchises (TMDB collections) are the most popular, by the mean TMDB popularity of their titles in the lake?",
    franchisesF: (f, p, n) => `${f} is the most popular franchise: mean TMDB popularity ${p} over ${n}.`,
    franchise: "Franchise", meanPop: "Mean popularity", meanTmdb: "Mean TMDB rating", revenue: "Revenue (lake titles)",
    none: "None for these filters.", franchisesNone: "No title of these filters belongs to a franchise with a known popularity.",
    people: "People behind acclaimed titles", peopleQ: (h) => `Which directors, creators, writers and actors are credited on titles rated at least ${h} on both IMDb and TMDB?`,
    peopleF: (n, who, role, k) => `${n} acclaimed; ${who} (${role}) is credited on the most of them (${k}).`,
    directors: "Directors", creators: "Creators", writers: "Writers", actors: "Actors", director: "director", creator: "creator", writer: "writer", actor: "actor",
    name: "Name", which: "Which", meanImdb: "Mean IMDb",
    titlesH: "Titles", titlesQ: (k) => `The ${k} most-voted titles of each kind and decade that match the filters. Search by title; click a heading to sort.`,
    search: "Search titles", shown: (a, b) => `Showing ${a} of ${b} matching titles.`,
    tTitle: "Title", tKind: "Kind", tYear: "Year", tImdb: "IMDb rating", tVotes: "IMDb votes", tTmdb: "TMDB rating", tRuntime: "Runtime",
    provenance: "Where these figures come from", provenanceQ: "The rows each zone held for this date and the TMDB data used. Filters do not apply here.",
    zone: "Zone", table: "Table", rows: "Rows", absent: "absent", unrecorded: "not recorded in this Dagster instance",
    tmdbUsed: (m, s, a, b) => `TMDB data: ${m} movies and ${s} series in the Trusted zone, fetched ${a} to ${b}.`,
    tmdbNone: "No TMDB data for this date: the TMDB-based figures are undefined.",
    method: "Means are over the titles that have the value; a statistic with no titles, or a correlation with fewer than three titles or a constant column, is undefined. Titles without a release year count only when every decade is selected.",
    noTmdb: "No title matching these filters has TMDB data.",
    answer: (v, n) => `All titles, as the catalog view analysis.${v} answers (${n} rows, no filter)`,
    answerShown: (a, b) => `First ${a} of ${b} rows; the download has every embedded row.`,
  },
  pt: {
    title: (g) => `Filmes e séries: ${g}`, subtitle: (d) => `Data de processamento ${d} · construído a partir da camada Refined`,
    lang: "English", langLabel: "Show in English", filters: "Filtros", genre: "Gênero", kind: "Tipo",
    from: "Da década", to: "Até a década", minVotes: "Mínimo de votos no IMDb", reset: "Limpar filtros",
    all: "Todos", movie: "Filmes", series: "Séries", any: "Qualquer (inclusive desconhecido)", and: "e",
    undefined: "indefinido", titlesLabel: "Títulos", titles: (n) => `${n} ${n === "1" ? "título" : "títulos"}`, csv: "Baixar CSV",
    summary: (k, g, a, b, v) => `Mostrando ${k} de ${g}, dos anos ${a} aos ${b}, ${v} votos no IMDb.`,
    headline: "Números principais", headlineQ: "O que o lake contém para os filtros escolhidos. Clique em Filmes ou Séries para filtrar por tipo.",
    cMovies: "Filmes", cSeries: "Séries", cRating: "Nota média no IMDb", cVotes: "Votos no IMDb",
    cTmdb: "Com dados do TMDB", cRuntime: "Duração média dos filmes (min)", rests: (n) => `sobre ${n}`,
    decades: "Títulos por década", decadesQ: "Quantos títulos cada década tem. Clique numa década para filtrar todos os gráficos; clique de novo para limpar.",
    decadesF: (d, n) => `Os anos ${d} têm mais títulos (${n}).`,
    trends: "Duração e tamanho das temporadas ao longo do tempo", trendsQ: "Como mudaram a duração dos filmes e os episódios por temporada das séries? Clique numa década para ver seus anos.",
    trendsF: (what, a, x, b, y) => `${what}: ${x} nos anos ${a} a ${y} nos anos ${b}.`,
    runtime: "Duração média dos filmes (minutos)", episodes: "Média de episódios por temporada (séries, TMDB)",
    back: "← Todas as décadas", drilled: (d) => `Anos da década de ${d}`, noData: "Sem dados para estes filtros.",
    genresH: "Popularidade dos gêneros por década", genresQ: "Como mudou a popularidade de cada gênero configurado (votos no IMDb dos seus títulos)? Clique num gênero para filtrar.",
    genresF: (g, d, v, n) => `${g} teve seu auge nos anos ${d} (${v} votos, ${n})`, votes: "Votos no IMDb", decade: "Década", year: "Ano",
    budget: "Orçamento e popularidade", budgetQ: "Como o orçamento de um filme se relaciona com sua popularidade no TMDB?",
    budgetF: (n, rho, r) => `Em ${n} ${n === "1" ? "filme" : "filmes"} com orçamento conhecido, ρ de Spearman = ${rho} (r de Pearson = ${r}).`,
    budgetX: "Orçamento (US$, escala log)", popularity: "Popularidade no TMDB",
    predictors: "IMDb ou TMDB: qual nota prevê o sucesso?", predictorsQ: "Qual nota está mais ligada ao sucesso (ρ de Spearman nos mesmos títulos)?",
    predictorsF: (who, w, m) => `A nota do ${who} acompanha melhor o sucesso em ${w} de ${m} medidas com correlação definida.`,
    predictorsTie: (w, m) => `Nenhuma nota vence: cada uma é mais próxima em ${w} de ${m} medidas com correlação definida.`,
    predictorsNone: "Nenhuma medida tem correlação definida para estes filtros.",
    measure: "Medida de sucesso", closer: "Mais próxima", tie: "empate",
    mRevenue: "receita dos filmes", mRoi: "ROI dos filmes", mVotesMovies: "votos no IMDb dos filmes", mVotesSeries: "votos no IMDb das séries", mYears: "anos no ar das séries", mSeasons: "temporadas das séries",
    franchises: "Franquias mais populares", franchisesQ: "Quais franquias (coleções do TMDB) são as mais populares, pela popularidade média no TMDB dos seus títulos no lake?",
    franchisesF: (f, p, n) => `${f} é a franquia mais popular: popularidade média no TMDB ${p} sobre ${n}.`,
    franchise: "Franquia", meanPop: "Popularidade média", meanTmdb: "Nota média no TMDB", revenue: "Receita (títulos no lake)",
    none: "Nenhum para estes filtros.", franchisesNone: "Nenhum título destes filtros pertence a uma franquia com popularidade conhecida.",
    people: "Pessoas por trás de títulos aclamados", peopleQ: (h) => `Quais diretores, criadores, roteiristas e atores estão nos títulos com nota de pelo menos ${h} no IMDb e no TMDB?`,
    peopleF: (n, who, role, k) => `${n} aclamados; ${who} (${role}) aparece na maioria deles (${k}).`,
    directors: "Diretores", creators: "Criadores", writers: "Roteiristas", actors: "Atores", director: "diretor", creator: "criador", writer: "roteirista", actor: "ator",
    name: "Nome", which: "Quais", meanImdb: "Média IMDb",
    titlesH: "Títulos", titlesQ: (k) => `Os ${k} títulos mais votados de cada tipo e década que atendem aos filtros. Busque pelo título; clique num cabeçalho para ordenar.`,
    search: "Buscar títulos", shown: (a, b) => `Mostrando ${a} de ${b} títulos encontrados.`,
    tTitle: "Título", tKind: "Tipo", tYear: "Ano", tImdb: "Nota IMDb", tVotes: "Votos IMDb", tTmdb: "Nota TMDB", tRuntime: "Duração",
    provenance: "De onde vêm estes números", provenanceQ: "As linhas de cada camada nesta data e os dados do TMDB usados. Os filtros não se aplicam aqui.",
    zone: "Camada", table: "Tabela", rows: "Linhas", absent: "ausente", unrecorded: "não registrado nesta instância do Dagster",
    tmdbUsed: (m, s, a, b) => `Dados do TMDB: ${m} filmes e ${s} séries na camada Trusted, buscados de ${a} a ${b}.`,
    tmdbNone: "Sem dados do TMDB nesta data: os números baseados no TMDB são indefinidos.",
    method: "As médias são sobre os títulos que têm o valor; uma estatística sem títulos, ou uma correlação com menos de três títulos ou uma coluna constante, é indefinida. Títulos sem ano de lançamento contam só quando todas as décadas estão selecionadas.",
    noTmdb: "Nenhum título com estes filtros tem dados do TMDB.",
    answer: (v, n) => `Todos os títulos, como a view analysis.${v} do catálogo responde (${n} linhas, sem filtro)`,
    answerShown: (a, b) => `Primeiras ${a} de ${b} linhas; o download tem todas as linhas embutidas.`,
  },
};
const t = (key, ...args) => { const v = T[state.lang][key]; return typeof v === "function" ? v(...args) : v; };
const locale = () => (state.lang === "pt" ? "pt-BR" : "en-US");
const num = (v, digits = 0) => (v == null || !Number.isFinite(v) ? t("undefined")
  : new Intl.NumberFormat(locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v));
const compact = (v) => new Intl.NumberFormat(locale(), { notation: "compact", maximumSignificantDigits: 3 }).format(v);
const count = (n) => t("titles", num(n));
const listing = (words) => words.length < 2 ? words.join("") : `${words.slice(0, -1).join(", ")} ${t("and")} ${words[words.length - 1]}`;

// ---- DOM helpers -------------------------------------------------------------------------
const SVG = "http://www.w3.org/2000/svg";
function h(tag, attrs = {}, ...children) {
  const el = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "text") el.textContent = v;
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat(Infinity)) if (c != null) el.append(c);
  return el;
}
const undef = () => h("span", { class: "undefined", text: t("undefined") });

// ---- filtering and statistics ------------------------------------------------------------
const fullRange = () => state.from === DECADES[0] && state.to === DECADES[DECADES.length - 1];
function matches(row, ignoreDecades = false) {
  if (!(row.mask & state.genres)) return false;
  if (state.kind !== "all" && row.kind !== state.kind) return false;
  if (state.floor > 0 && row.floor < state.floor) return false;
  if (ignoreDecades) return true;
  if (row.year == null) return fullRange();
  const d = decadeOf(row.year);
  return d >= state.from && d <= state.to;
}
const sum = (rows, key) => rows.reduce((a, r) => a + (r[key] || 0), 0);
const ratio = (a, b) => (b > 0 ? a / b : null);
const mean = (values) => ratio(values.reduce((a, v) => a + v, 0), values.length);

function pearson(xs, ys) {
  const n = xs.length;
  if (n < 3) return null;
  const mx = mean(xs), my = mean(ys);
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i] - mx, dy = ys[i] - my;
    sxy += dx * dy; sxx += dx * dx; syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null; // a constant column: undefined
}
function ranks(values) { // tied values share their average rank
  const order = values.map((v, i) => [v, i]).sort((a, b) => a[0] - b[0]);
  const out = new Array(values.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    for (let k = i; k <= j; k++) out[order[k][1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}
const spearman = (xs, ys) => (xs.length < 3 ? null : pearson(ranks(xs), ranks(ys)));
const known = (v) => v != null && Number.isFinite(v);

// ---- charts (inline SVG) -----------------------------------------------------------------
const tip = document.getElementById("tooltip");
function mark(el, text, onClick) {
  el.setAttribute("class", "mark");
  el.setAttribute("tabindex", "0");
  el.setAttribute("aria-label", text);
  el.append(h("svg:title", { text }));
  const show = (e) => {
    tip.textContent = text; tip.hidden = false;
    const box = e.clientX != null ? { x: e.clientX, y: e.clientY } : el.getBoundingClientRect();
    tip.style.left = `${Math.min(box.x + 12, window.innerWidth - 330)}px`;
    tip.style.top = `${box.y + 12}px`;
  };
  el.addEventListener("mousemove", show);
  el.addEventListener("focus", show);
  el.addEventListener("mouseleave", () => { tip.hidden = true; });
  el.addEventListener("blur", () => { tip.hidden = true; });
  if (onClick) {
    el.addEventListener("click", onClick);
    el.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); onClick(); } });
  }
  return el;
}
function niceTicks(lo, hi, n = 5) {
  if (lo === hi) { lo -= 1; hi += 1; }
  const raw = (hi - lo) / n, p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw);
  const ticks = [];
  for (let v = Math.floor(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(+v.toFixed(10));
  if (ticks[ticks.length - 1] < hi) ticks.push(ticks[ticks.length - 1] + step);
  return ticks;
}
const W = 640, H = 300, M = { l: 64, r: 16, t: 14, b: 44 };
function frame(label, xLabel, yLabel) {
  const svg = h("svg:svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": label });
  svg.append(h("svg:text", { x: (M.l + W - M.r) / 2, y: H - 6, "text-anchor": "middle", text: xLabel }));
  svg.append(h("svg:text", { x: 14, y: H / 2, "text-anchor": "middle", transform: `rotate(-90 14 ${H / 2})`, text: yLabel }));
  return svg;
}
function yAxis(svg, lo, hi, fmt) {
  const ticks = niceTicks(Math.min(lo, 0), hi);
  const y0 = ticks[0], y1 = ticks[ticks.length - 1];
  const y = (v) => H - M.b - ((v - y0) / (y1 - y0)) * (H - M.t - M.b);
  for (const v of ticks) {
    svg.append(h("svg:line", { x1: M.l, x2: W - M.r, y1: y(v), y2: y(v), stroke: "#e3e3e3" }));
    svg.append(h("svg:text", { x: M.l - 6, y: y(v) + 4, "text-anchor": "end", text: fmt(v) }));
  }
  return y;
}
function figure(caption, svg, extra) {
  return h("figure", {}, svg, extra, h("figcaption", { text: caption }));
}
// Vertical bars: [{key, label, value, tip, faded}]
function columnChart(label, bars, xLabel, yLabel, onClick) {
  const svg = frame(label, xLabel, yLabel);
  const y = yAxis(svg, 0, Math.max(1, ...bars.map((b) => b.value)), compact);
  const slot = (W - M.l - M.r) / Math.max(bars.length, 1);
  const every = Math.ceil(bars.length / 12);
  bars.forEach((b, i) => {
    const x = M.l + i * slot;
    const rect = h("svg:rect", { x: x + slot * 0.1, y: y(b.value), width: slot * 0.8, height: Math.max(y(0) - y(b.value), 1), fill: INK[0], "data-key": b.key });
    svg.append(mark(rect, b.tip, onClick && (() => onClick(b.key))));
    if (b.faded) rect.setAttribute("class", "mark faded");
    if (i % every === 0) svg.append(h("svg:text", { x: x + slot / 2, y: H - M.b + 16, "text-anchor": "middle", text: b.label }));
  });
  return svg;
}
// Lines: series [{name, points:[{x, y, tip}]}], drawn over the x values given (in order).
function lineChart(label, series, xs, xText, xLabel, yLabel, yFmt, onPoint) {
  const svg = frame(label, xLabel, yLabel);
  const ys = series.flatMap((s) => s.points.map((p) => p.y));
  const y = yAxis(svg, 0, Math.max(1e-9, ...ys), yFmt);
  const step = (W - M.l - M.r) / Math.max(xs.length, 1);
  const x = (v) => M.l + step * (xs.indexOf(v) + 0.5);
  const every = Math.ceil(xs.length / 12);
  xs.forEach((v, i) => { if (i % every === 0) svg.append(h("svg:text", { x: x(v), y: H - M.b + 16, "text-anchor": "middle", text: xText(v) })); });
  series.forEach((s, k) => {
    const path = s.points.map((p) => `${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}`).join(" ");
    svg.append(h("svg:polyline", { points: path, fill: "none", stroke: INK[k % 4], "stroke-width": 2.5, "stroke-dasharray": DASH[k % 4] || null }));
    for (const p of s.points) {
      const dot = k % 2 === 0
        ? h("svg:circle", { cx: x(p.x), cy: y(p.y), r: 5, fill: INK[k % 4], "data-x": p.x, "data-series": s.name })
        : h("svg:rect", { x: x(p.x) - 4.5, y: y(p.y) - 4.5, width: 9, height: 9, fill: INK[k % 4], "data-x": p.x, "data-series": s.name });
      svg.append(mark(dot, p.tip, onPoint && (() => onPoint(p.x))));
    }
  });
  return svg;
}
function scatterChart(label, points, xLabel, yLabel) {
  const svg = frame(label, xLabel, yLabel);
  const y = yAxis(svg, 0, Math.max(1e-9, ...points.map((p) => p.y)), compact);
  const lx = points.map((p) => Math.log10(p.x));
  const lo = Math.floor(Math.min(...lx)), hi = Math.max(Math.ceil(Math.max(...lx)), lo + 1);
  const x = (v) => M.l + ((Math.log10(v) - lo) / (hi - lo)) * (W - M.l - M.r);
  for (let p = lo; p <= hi; p++) svg.append(h("svg:text", { x: x(10 ** p), y: H - M.b + 16, "text-anchor": "middle", text: compact(10 ** p) }));
  for (const p of points) {
    svg.append(mark(h("svg:circle", { cx: x(p.x), cy: y(p.y), r: 4.5, fill: INK[0], "fill-opacity": 0.65, stroke: "#000", "stroke-width": 0.5 }), p.tip));
  }
  return svg;
}
// Horizontal bars from zero: [{label, value, tip}]
function barChart(label, bars, fmt) {
  const row = 26, left = 220, height = 16 + row * bars.length;
  const svg = h("svg:svg", { viewBox: `0 0 ${W} ${height}`, role: "img", "aria-label": label });
  const lo = Math.min(0, ...bars.map((b) => b.value)), hi = Math.max(0, ...bars.map((b) => b.value));
  const span = hi - lo || 1;
  const x = (v) => left + ((v - lo) / span) * (W - left - 70);
  bars.forEach((b, i) => {
    const top = 8 + i * row;
    svg.append(h("svg:text", { x: left - 8, y: top + 16, "text-anchor": "end", text: b.label.length > 34 ? `${b.label.slice(0, 33)}…` : b.label }));
    const a = x(Math.min(0, b.value)), z = x(Math.max(0, b.value));
    svg.append(mark(h("svg:rect", { x: a, y: top + 4, width: Math.max(z - a, 1), height: row - 8, fill: INK[i % 2 ? 1 : 0] }), b.tip));
    svg.append(h("svg:text", { x: z + 4, y: top + 16, text: fmt(b.value) }));
  });
  svg.append(h("svg:line", { x1: x(0), x2: x(0), y1: 4, y2: height - 4, stroke: "#777" }));
  return svg;
}
function table(headers, rows, numeric = new Set()) {
  return h("div", { class: "scroll" }, h("table", {},
    h("thead", {}, h("tr", {}, headers.map((x, i) => h("th", { scope: "col", class: numeric.has(i) ? "num" : null, text: x })))),
    h("tbody", {}, rows.map((r) => h("tr", {}, r.map((v, i) => h("td", { class: numeric.has(i) ? "num" : null }, v === null ? undef() : String(v))))))));
}

// ---- sections ----------------------------------------------------------------------------
const genreNames = (mask) => D.genres.filter((_, i) => mask & (1 << i));
const toggleKind = (kind) => { state.kind = state.kind === kind ? "all" : kind; update(); };

function headline() {
  const cells = CELLS.filter((c) => matches(c));
  const movies = sum(cells.filter((c) => c.kind === "movie"), "titles");
  const series = sum(cells.filter((c) => c.kind === "series"), "titles");
  const titles = movies + series, rated = sum(cells, "rated"), timed = sum(cells, "timed");
  const cards = [
    ["movies", t("cMovies"), movies, 0, movies, () => toggleKind("movie"), state.kind === "movie"],
    ["series", t("cSeries"), series, 0, series, () => toggleKind("series"), state.kind === "series"],
    ["rating", t("cRating"), ratio(sum(cells, "rating_sum"), rated), 2, rated],
    ["votes", t("cVotes"), titles ? sum(cells, "votes") : null, 0, titles],
    ["tmdb", t("cTmdb"), titles ? sum(cells, "with_tmdb") : null, 0, titles],
    ["runtime", t("cRuntime"), ratio(sum(cells, "runtime_sum"), timed), 1, timed],
  ];
  const body = h("div", { class: "cards" }, cards.map(([id, label, value, digits, n, onclick, pressed]) => {
    const attrs = { class: "card", id: `card-${id}`, "data-value": value ?? "", "data-n": n };
    const inner = [h("span", { class: "label", text: label }), h("span", { class: "value" }, value == null ? undef() : num(value, digits)), h("span", { class: "n", text: t("rests", count(n)) })];
    return onclick ? h("button", { ...attrs, type: "button", onclick, "aria-pressed": String(!!pressed) }, inner) : h("div", attrs, inner);
  }));
  const csv = [["figure", "value", "titles"], ...cards.map(([id, , value, , n]) => [id, value, n])];
  return { finding: t("summary", state.kind === "all" ? `${t("movie")} ${t("and")} ${t("series")}` : t(state.kind), listing(genreNames(state.genres)), state.from, state.to, state.floor ? `≥ ${num(D.vote_floors[state.floor])}` : t("any")), body, csv };
}

function decades() {
  const cells = CELLS.filter((c) => c.year != null && matches(c, true));
  const bars = DECADES.map((d) => {
    const n = sum(cells.filter((c) => decadeOf(c.year) === d), "titles");
    return { key: d, label: `${d}`, value: n, tip: `${d}s: ${count(n)}`, faded: d < state.from || d > state.to };
  });
  const onClick = (d) => {
    if (state.from === d && state.to === d) { state.from = DECADES[0]; state.to = DECADES[DECADES.length - 1]; } else { state.from = d; state.to = d; }
    update();
  };
  const top = bars.reduce((a, b) => (b.value > a.value ? b : a), bars[0]);
  return {
    finding: top && top.value ? t("decadesF", top.key, num(top.value)) : t("noData"),
    body: figure(t("decades"), columnChart(t("decades"), bars, t("decade"), t("titlesLabel"), onClick)),
    csv: [["decade", "titles"], ...bars.map((b) => [b.key, b.value])],
  };
}

// The x values of the trend charts: decades in range, or the years of the drilled decade.
function trendAxis(cells) {
  if (state.drill == null) return { xs: DECADES.filter((d) => d >= state.from && d <= state.to), key: (c) => decadeOf(c.year), text: (v) => `${v}s`, label: t("decade") };
  const years = [...new Set(cells.filter((c) => decadeOf(c.year) === state.drill).map((c) => c.year))].sort((a, b) => a - b);
  return { xs: years, key: (c) => c.year, text: (v) => `${v}`, label: t("year") };
}
const drill = (x) => { if (state.drill == null) { state.drill = x; update(); } };
function backButton() {
  return state.drill == null ? null : h("div", { class: "tools" }, h("strong", { text: t("drilled", state.drill) }), h("button", { type: "button", class: "back", onclick: () => { state.drill = null; update(); }, text: t("back") }));
}
function trends() {
  const cells = CELLS.filter((c) => c.year != null && matches(c));
  const axis = trendAxis(cells);
  const csv = [[state.drill == null ? "decade" : "year", "measure", "mean", "titles"]];
  const sentences = [], charts = [];
  for (const [id, kind, total, n, digits] of [["runtime", "movie", "runtime_sum", "timed", 1], ["episodes", "series", "episodes_sum", "seasoned", 1]]) {
    const points = axis.xs.map((x) => {
      const group = cells.filter((c) => c.kind === kind && axis.key(c) === x);
      const titles = sum(group, n);
      return { x, y: ratio(sum(group, total), titles), titles };
    }).filter((p) => p.y != null);
    points.forEach((p) => { p.tip = `${axis.text(p.x)}: ${num(p.y, digits)} (${count(p.titles)})`; csv.push([p.x, id, p.y, p.titles]); });
    if (!points.length) { charts.push(h("p", { class: "notice", text: `${t(id)}: ${t("noData")}` })); continue; }
    const a = points[0], b = points[points.length - 1];
    sentences.push(t("trendsF", t(id), axis.text(a.x), num(a.y, digits), axis.text(b.x), num(b.y, digits)));
    const chart = lineChart(t(id), [{ name: id, points }], axis.xs, axis.text, axis.label, t(id), (v) => num(v), state.drill == null ? drill : null);
    chart.dataset.chart = id;
    charts.push(figure(t(id), chart));
  }
  return { finding: sentences.join(" ") || t("noData"), body: [backButton(), ...charts], csv };
}

function genres() {
  const cells = CELLS.filter((c) => c.year != null && matches(c));
  const axis = trendAxis(cells);
  const series = [], csv = [[state.drill == null ? "decade" : "year", "genre", "votes", "titles"]], peaks = [];
  D.genres.forEach((g, i) => {
    if (!(state.genres & (1 << i))) return;
    const mine = cells.filter((c) => c.mask & (1 << i));
    const points = axis.xs.map((x) => {
      const group = mine.filter((c) => axis.key(c) === x);
      return { x, y: sum(group, "votes"), titles: sum(group, "titles") };
    }).filter((p) => p.titles > 0);
    points.forEach((p) => { p.tip = `${g}, ${axis.text(p.x)}: ${num(p.y)} ${t("votes")} (${count(p.titles)})`; csv.push([p.x, g, p.y, p.titles]); });
    if (points.length) {
      series.push({ name: g, points });
      const top = points.reduce((a, b) => (b.y > a.y ? b : a));
      peaks.push(t("genresF", g, axis.text(top.x), num(top.y), count(top.titles)));
    }
  });
  const only = (i) => { state.genres = state.genres === 1 << i ? ALL_GENRES : 1 << i; update(); };
  const legend = h("div", { class: "legend", role: "group", "aria-label": t("genre") }, D.genres.map((g, i) =>
    h("button", { type: "button", "aria-pressed": String(state.genres === 1 << i), onclick: () => only(i), "data-genre": g },
      h("svg:svg", { width: 26, height: 10, "aria-hidden": "true" }, h("svg:line", { x1: 0, x2: 26, y1: 5, y2: 5, stroke: INK[i % 4], "stroke-width": 3, "stroke-dasharray": DASH[i % 4] || null })), ` ${g}`)));
  const chart = series.length ? lineChart(t("genresH"), series, axis.xs, axis.text, axis.label, t("votes"), compact, state.drill == null ? drill : null) : h("p", { class: "notice", text: t("noData") });
  return { finding: peaks.length ? `${peaks.join("; ")}.` : t("noData"), body: [backButton(), legend, figure(t("genresH"), chart)], csv };
}

const tmdbRows = () => TMDB.filter((r) => matches(r));
// What a TMDB question says when no title of the filters has TMDB data (or the date has none).
function needsTmdb() {
  if (tmdbRows().length) return null;
  const why = P.tmdb_fetched[0] ? t("noTmdb") : t("tmdbNone");
  return { finding: why, body: h("p", { class: "notice", text: why }), csv: [["titles"], [0]] };
}
const nothing = (finding, header) => ({ finding, body: h("p", { class: "notice", text: t("none") }), csv: [header] });

function budget() {
  const empty = needsTmdb();
  if (empty) return empty;
  const rows = tmdbRows().filter((r) => r.kind === "movie" && r.budget > 0 && known(r.tmdb_popularity));
  if (!rows.length) return nothing(t("budgetF", num(0), num(null), num(null)), ["title", "year", "budget", "tmdb_popularity"]);
  const xs = rows.map((r) => r.budget), ys = rows.map((r) => r.tmdb_popularity);
  const rho = spearman(xs, ys), r = pearson(xs, ys);
  const points = rows.map((m) => ({ x: m.budget, y: m.tmdb_popularity, tip: `${m.title} (${m.year ?? "?"}): US$ ${compact(m.budget)}, ${num(m.tmdb_popularity, 2)}` }));
  return {
    finding: t("budgetF", num(rows.length), num(rho, 2), num(r, 2)),
    body: figure(t("budget"), scatterChart(t("budget"), points, t("budgetX"), t("popularity"))),
    csv: [["title", "year", "budget", "tmdb_popularity"], ...rows.map((m) => [m.title, m.year, m.budget, m.tmdb_popularity])],
  };
}

// The measures of analysis.rating_vs_success, each over one kind of title.
const MEASURES = [["mRevenue", "movie", "revenue"], ["mRoi", "movie", "roi"], ["mVotesMovies", "movie", "imdb_votes"], ["mVotesSeries", "series", "imdb_votes"], ["mSeasons", "series", "seasons"], ["mYears", "series", "years_running"]];
function predictors() {
  const empty = needsTmdb();
  if (empty) return empty;
  const base = tmdbRows().filter((r) => known(r.imdb_rating) && known(r.tmdb_vote_average));
  const found = MEASURES.map(([id, kind, column]) => {
    const rows = base.filter((r) => r.kind === kind && known(r[column]));
    const y = rows.map((r) => r[column]);
    const imdb = spearman(rows.map((r) => r.imdb_rating), y), tmdb = spearman(rows.map((r) => r.tmdb_vote_average), y);
    const closer = imdb == null || tmdb == null ? null : Math.abs(imdb) > Math.abs(tmdb) ? "IMDb" : Math.abs(tmdb) > Math.abs(imdb) ? "TMDB" : t("tie");
    return { id, kind, column, n: rows.length, imdb, tmdb, closer };
  });
  const defined = found.filter((f) => f.closer != null);
  const imdbWins = defined.filter((f) => f.closer === "IMDb").length, tmdbWins = defined.filter((f) => f.closer === "TMDB").length;
  const finding = !defined.length ? t("predictorsNone") : imdbWins === tmdbWins ? t("predictorsTie", num(imdbWins), num(defined.length))
    : t("predictorsF", imdbWins > tmdbWins ? "IMDb" : "TMDB", num(Math.max(imdbWins, tmdbWins)), num(defined.length));
  const bars = found.flatMap((f) => [["IMDb", f.imdb], ["TMDB", f.tmdb]].filter(([, v]) => v != null)
    .map(([who, v]) => ({ label: `${t(f.id)} · ${who}`, value: v, tip: `${t(f.id)}, ${who}: ρ = ${num(v, 2)} (${count(f.n)})` })));
  const rows = found.map((f) => [t(f.id), num(f.n), f.imdb == null ? null : num(f.imdb, 2), f.tmdb == null ? null : num(f.tmdb, 2), f.closer]);
  return {
    finding,
    body: [table([t("measure"), t("titlesLabel"), "IMDb ρ", "TMDB ρ", t("closer")], rows, new Set([1, 2, 3])),
      bars.length ? figure(t("predictors"), barChart(t("predictors"), bars, (v) => num(v, 2))) : null],
    csv: [["measure", "kind", "titles", "imdb_spearman", "tmdb_spearman", "closer"], ...found.map((f) => [f.column, f.kind, f.n, f.imdb, f.tmdb, f.closer])],
  };
}

function franchises() {
  const empty = needsTmdb();
  if (empty) return empty;
  const rows = tmdbRows().filter((r) => r.collection_id != null);
  const groups = new Map();
  for (const r of rows) (groups.get(r.collection_id) || groups.set(r.collection_id, []).get(r.collection_id)).push(r);
  const found = [...groups].map(([id, titles]) => {
    const pops = titles.map((r) => r.tmdb_popularity).filter(known), votes = titles.map((r) => r.tmdb_vote_average).filter(known);
    const revenues = titles.map((r) => r.revenue).filter(known);
    return { name: FRANCHISE.get(id) ?? `#${id}`, n: titles.length, popularity: mean(pops), rating: mean(votes), revenue: revenues.length ? revenues.reduce((a, b) => a + b, 0) : null };
  }).filter((f) => f.popularity != null).sort((a, b) => b.popularity - a.popularity || a.name.localeCompare(b.name)).slice(0, 10);
  if (!found.length) return nothing(t("franchisesNone"), ["franchise", "titles", "mean_popularity", "mean_tmdb_rating", "revenue"]);
  const top = found[0];
  return {
    finding: t("franchisesF", top.name, num(top.popularity, 2), count(top.n)),
    body: [figure(t("franchises"), barChart(t("franchises"), found.map((f) => ({ label: f.name, value: f.popularity, tip: `${f.name}: ${num(f.popularity, 2)} (${count(f.n)})` })), (v) => num(v, 1))),
      table([t("franchise"), t("titlesLabel"), t("meanPop"), t("meanTmdb"), t("revenue")], found.map((f) => [f.name, num(f.n), num(f.popularity, 2), f.rating == null ? null : num(f.rating, 2), f.revenue == null ? null : `US$ ${compact(f.revenue)}`]), new Set([1, 2, 3, 4]))],
    csv: [["franchise", "titles", "mean_popularity", "mean_tmdb_rating", "revenue"], ...found.map((f) => [f.name, f.n, f.popularity, f.rating, f.revenue])],
  };
}

function people() {
  const acclaimed = new Map(tmdbRows().filter((r) => r.imdb_rating >= D.high_rating && r.tmdb_vote_average >= D.high_rating).map((r) => [r.title_id, r]));
  const empty = needsTmdb();
  if (empty) return empty;
  const csv = [["role", "name", "titles", "mean_imdb", "mean_tmdb", "which"]];
  let best = null;
  const tables = ["directors", "creators", "writers", "actors"].map((role) => {
    const credited = new Map();
    for (const c of CREDITS) {
      if (c.role_group !== role || !acclaimed.has(c.title_id)) continue;
      if (!credited.has(c.person_id)) credited.set(c.person_id, { id: c.person_id, name: c.name, titles: [] });
      credited.get(c.person_id).titles.push(acclaimed.get(c.title_id));
    }
    // analysis.acclaimed_people's order: most titles first, then by name.
    const byName = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1);
    const ranked = [...credited.values()].map((p) => ({ ...p, imdb: mean(p.titles.map((x) => x.imdb_rating)), tmdb: mean(p.titles.map((x) => x.tmdb_vote_average)) }))
      .sort((a, b) => b.titles.length - a.titles.length || byName(a, b)).slice(0, 5);
    for (const p of ranked) {
      csv.push([role, p.name, p.titles.length, p.imdb, p.tmdb, p.titles.map((x) => x.title).join("; ")]);
      if (!best || p.titles.length > best.titles.length) best = { ...p, role };
    }
    return [h("h3", { text: t(role) }), ranked.length
      ? table([t("name"), t("titlesLabel"), t("meanImdb"), t("meanTmdb"), t("which")], ranked.map((p) => [p.name, num(p.titles.length), num(p.imdb, 2), num(p.tmdb, 2), p.titles.map((x) => x.title).sort().join("; ")]), new Set([1, 2, 3]))
      : h("p", { text: t("none") })];
  });
  return { finding: best ? t("peopleF", count(acclaimed.size), best.name, t(best.role.slice(0, -1)), num(best.titles.length)) : `${count(acclaimed.size)}: ${t("none")}`, body: tables, csv };
}

for (const r of TITLES) r.genres = genreNames(r.mask).join(", ");
const COLUMNS = [["title", "tTitle"], ["kind", "tKind"], ["year", "tYear"], ["genres", "genre"], ["imdb_rating", "tImdb"], ["imdb_votes", "tVotes"], ["tmdb_vote_average", "tTmdb"], ["runtime_minutes", "tRuntime"]];
const SHOWN = 200;
function titles() {
  const needle = state.search.trim().toLocaleLowerCase();
  const { key, desc } = state.sort;
  const rows = TITLES.filter((r) => matches(r) && (!needle || r.title.toLocaleLowerCase().includes(needle))).sort((a, b) => {
    const x = a[key], y = b[key];
    if (x == null || y == null) return x == null ? (y == null ? 0 : 1) : -1; // unknown last
    const order = typeof x === "string" ? x.localeCompare(y) : x - y;
    return desc ? -order : order;
  });
  const search = h("input", { type: "search", id: "title-search", value: state.search, "aria-label": t("search"), placeholder: t("search"),
    oninput: (e) => { state.search = e.target.value; refreshTitles(); } });
  const head = COLUMNS.map(([column, label], i) => h("th", { scope: "col", class: i > 3 ? "num" : null, "aria-sort": key === column ? (desc ? "descending" : "ascending") : "none" },
    h("button", { type: "button", "data-sort": column, onclick: () => { state.sort = { key: column, desc: key === column ? !desc : column !== "title" }; renderSection("titles"); }, text: t(label) + (key === column ? (desc ? " ▼" : " ▲") : "") })));
  const cell = (r, column) => {
    const v = r[column];
    if (v == null) return undef();
    if (column === "kind") return t(v);
    if (column === "imdb_rating" || column === "tmdb_vote_average") return num(v, 1);
    return typeof v === "number" && column !== "year" ? num(v) : String(v);
  };
  const body = rows.slice(0, SHOWN).map((r) => h("tr", {}, COLUMNS.map(([column], i) => h("td", { class: i > 3 ? "num" : null }, cell(r, column)))));
  return {
    finding: t("shown", num(Math.min(SHOWN, rows.length)), num(rows.length)),
    body: [h("div", { class: "tools" }, search), h("div", { class: "scroll" }, h("table", { id: "title-table" }, h("thead", {}, h("tr", {}, head)), h("tbody", {}, body)))],
    csv: [COLUMNS.map(([c]) => c), ...rows.map((r) => COLUMNS.map(([c]) => r[c]))],
  };
}

// Typing in the search box redraws the table, finding and download only, keeping the box.
function refreshTitles() {
  const { finding, body, csv } = titles();
  const section = document.getElementById("titles");
  section.querySelector(".finding").textContent = finding;
  section.querySelector(".scroll").replaceWith(body[1]);
  section.querySelector("a.csv").href = csvHref(csv);
}

function provenance() {
  const counts = P.zones.map(([zone, asset, rows]) => [zone, asset, rows != null ? num(rows) : zone === "raw" ? t("unrecorded") : t("absent")]);
  const movies = P.zones.find(([, a]) => a === "trusted/tmdb/movies")?.[2], series = P.zones.find(([, a]) => a === "trusted/tmdb/series")?.[2];
  const tmdb = P.tmdb_fetched[0] ? t("tmdbUsed", num(movies ?? 0), num(series ?? 0), P.tmdb_fetched[0], P.tmdb_fetched[1]) : t("tmdbNone");
  return {
    finding: tmdb,
    body: [table([t("zone"), t("table"), t("rows")], counts, new Set([2])), h("p", { text: t("method") })],
    csv: [["zone", "asset", "rows"], ...P.zones],
  };
}

const SECTIONS = [
  ["headline", "headline", "headlineQ", headline, true], ["decades", "decades", "decadesQ", decades, true],
  ["trends", "trends", "trendsQ", trends], ["genres", "genresH", "genresQ", genres],
  ["budget", "budget", "budgetQ", budget], ["predictors", "predictors", "predictorsQ", predictors],
  ["franchises", "franchises", "franchisesQ", franchises], ["people", "people", "peopleQ", people],
  ["titles", "titlesH", "titlesQ", titles, true], ["provenance", "provenance", "provenanceQ", provenance, true],
];

// Each question's catalog view (refined/sql/analysis) as it answers for all titles.
const VIEWS = { trends: "runtime_by_period", genres: "genre_popularity_by_decade", budget: "budget_vs_popularity", predictors: "rating_vs_success", franchises: "franchise_popularity", people: "acclaimed_people" };
const SHOWN_ANSWER = 50;
function answer(id) {
  const name = VIEWS[id], view = D.answers && D.answers[name];
  if (!view) return null;
  const plain = (column) => /year|decade|period|_id$|rank/.test(column);
  const cells = view.rows.slice(0, SHOWN_ANSWER).map((r) => r.map((v, i) => (v == null ? null
    : typeof v !== "number" ? String(v) : plain(view.columns[i]) ? String(v) : num(v, Number.isInteger(v) ? 0 : 2))));
  const numeric = new Set(view.columns.map((c, i) => (view.rows.some((r) => typeof r[i] === "number") ? i : -1)));
  return h("details", { class: "answer", "data-view": name },
    h("summary", { text: t("answer", name, num(view.total)) }),
    h("p", { class: "question", text: state.lang === "pt" ? view.pt : view.en }),
    table(view.columns, cells, numeric),
    h("p", { text: t("answerShown", num(cells.length), num(view.total)) }),
    h("a", { class: "answer-csv", href: csvHref([view.columns, ...view.rows]), download: `${name}-${P.date}.csv`, text: `${t("csv")}: analysis.${name}` }));
}

// ---- page --------------------------------------------------------------------------------
const csvText = (rows) => rows.map((r) => r.map((v) => {
  const s = v == null ? "" : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}).join(",")).join("\r\n") + "\r\n";

const csvHref = (rows) => `data:text/csv;charset=utf-8,${encodeURIComponent(csvText(rows))}`;

function renderSection(id) {
  const [, title, question, build, wide] = SECTIONS.find((s) => s[0] === id);
  const { finding, body, csv } = build();
  const heading = `${id}-title`;
  const href = csvHref(csv);
  const section = h("section", { id, class: wide ? "wide" : null, "aria-labelledby": heading },
    h("h2", { id: heading, text: t(title) }), h("p", { class: "question", text: t(question, id === "titles" ? D.top_titles : D.high_rating) }),
    h("p", { class: "finding", text: finding }), body, answer(id),
    h("div", { class: "tools" }, h("a", { class: "csv", href, download: `${id}-${P.date}.csv`, "aria-label": `${t("csv")}: ${t(title)}`, text: t("csv") })));
  const old = document.getElementById(id);
  if (old) old.replaceWith(section); else document.getElementById("sections").append(section);
}

function options(select, values, selected) {
  select.replaceChildren(...values.map(([value, text]) => h("option", { value, selected: String(value) === String(selected), text })));
}
function renderFilters() {
  const box = document.getElementById("genre-filter");
  box.replaceChildren(box.querySelector("legend"), ...D.genres.map((g, i) => h("label", {}, h("input", {
    type: "checkbox", name: "genre", value: g, checked: !!(state.genres & (1 << i)),
    onchange: (e) => { state.genres = e.target.checked ? state.genres | (1 << i) : state.genres & ~(1 << i); update(); },
  }), ` ${g}`)));
  options(document.getElementById("kind"), [["all", t("all")], ["movie", t("movie")], ["series", t("series")]], state.kind);
  options(document.getElementById("from"), DECADES.map((d) => [d, `${d}s`]), state.from);
  options(document.getElementById("to"), DECADES.map((d) => [d, `${d}s`]), state.to);
  options(document.getElementById("votes"), D.vote_floors.map((v, i) => [i, i === 0 ? t("any") : `≥ ${num(v)}`]), state.floor);
}

function update() {
  if (state.drill != null && (state.drill < state.from || state.drill > state.to)) state.drill = null;
  document.documentElement.lang = state.lang === "pt" ? "pt-BR" : "en";
  document.title = t("title", listing(D.genres));
  document.getElementById("page-title").textContent = t("title", listing(D.genres));
  document.getElementById("subtitle").textContent = t("subtitle", P.date);
  const lang = document.getElementById("lang");
  lang.textContent = t("lang"); lang.setAttribute("aria-label", t("langLabel"));
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  renderFilters();
  const filters = headline().finding;
  document.getElementById("filter-summary").textContent = filters;
  for (const [id] of SECTIONS) renderSection(id);
}

document.getElementById("kind").addEventListener("change", (e) => { state.kind = e.target.value; update(); });
document.getElementById("from").addEventListener("change", (e) => { state.from = +e.target.value; if (state.to < state.from) state.to = state.from; update(); });
document.getElementById("to").addEventListener("change", (e) => { state.to = +e.target.value; if (state.from > state.to) state.from = state.to; update(); });
document.getElementById("votes").addEventListener("change", (e) => { state.floor = +e.target.value; update(); });
document.getElementById("reset").addEventListener("click", () => {
  Object.assign(state, { genres: ALL_GENRES, kind: "all", from: DECADES[0], to: DECADES[DECADES.length - 1], floor: 0, drill: null, search: "" });
  update();
});
document.getElementById("lang").addEventListener("click", () => { state.lang = state.lang === "en" ? "pt" : "en"; update(); });
update();
