// The explorer's query, and its text form: the URL parameters of the page
// and the `query` attribute of the element share one syntax, e.g.
// "q=summit&country=JP,KR&official=Fumio%20Kishida&from=2023-01-01".

// Parameter name -> query field; list fields hold comma-separated values.
const LISTS = { country: 'countries', official: 'officials', outlet: 'outlets', month: 'months' };
const SINGLES = { q: 'text', from: 'from', to: 'to', sort: 'sort' };
const SORTS = ['relevance', 'newest', 'oldest'];

/** A query with nothing selected. */
export function emptyQuery() {
  return { text: '', countries: [], officials: [], outlets: [], months: [], from: '', to: '', sort: '' };
}

/** Reads a query from URLSearchParams or a "a=b&c=d" string; unknown parameters are ignored. */
export function parseQuery(source) {
  const params = source instanceof URLSearchParams ? source : new URLSearchParams(source || '');
  const query = emptyQuery();
  for (const [param, field] of Object.entries(LISTS)) {
    query[field] = params.getAll(param).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  }
  for (const [param, field] of Object.entries(SINGLES)) query[field] = (params.get(param) || '').trim();
  query.countries = query.countries.map((c) => c.toUpperCase());
  if (!SORTS.includes(query.sort)) query.sort = '';
  return query;
}

/** Writes a query into `params` (other parameters are kept); returns it. */
export function writeQuery(query, params = new URLSearchParams()) {
  for (const [param, field] of Object.entries(LISTS)) {
    if (query[field]?.length) params.set(param, query[field].join(','));
    else params.delete(param);
  }
  for (const [param, field] of Object.entries(SINGLES)) {
    if (query[field]) params.set(param, query[field]);
    else params.delete(param);
  }
  return params;
}

/** The query's text form, as written in the `query` attribute. */
export function queryString(query) {
  return writeQuery(query).toString();
}

/** A copy of `query` with missing fields filled, from an object or a string. */
export function normalizeQuery(value) {
  if (typeof value === 'string' || value instanceof URLSearchParams) return parseQuery(value);
  const query = { ...emptyQuery(), ...(value || {}) };
  for (const field of Object.values(LISTS)) query[field] = [...(query[field] || [])].map(String);
  for (const field of Object.values(SINGLES)) query[field] = String(query[field] || '');
  return query;
}

export function sameQuery(a, b) {
  return queryString(a) === queryString(b);
}

/** True when `query` narrows the corpus at all. */
export function hasFilters(query) {
  return Boolean(query.text || query.from || query.to || Object.values(LISTS).some((f) => query[f].length));
}
